package org.naoyu.datasets.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the streams of a recording as live LSL outlets with their original timing, or {@code speed} times faster,
 * markers included. Samples keep their spacing: a sample recorded at t is pushed at start + (t − t₀)/speed and stamped
 * with that moment on this machine's LSL clock, so an inlet sees a live stream.
 *
 * <pre>{@code
 * try (RecordingPlayer player = RecordingPlayer.start(Recordings.open(file), config, 1.0, false)) {
 *     player.awaitEnd();
 * }
 * }</pre>
 */
public final class RecordingPlayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingPlayer.class);
    /** How often due samples are pushed: every 5 ms, so a sample leaves at most that late, as from an amplifier. */
    private static final double PUSH_PERIOD_SECONDS = 0.005;

    private final List<RecordedStream> streams;
    private final List<StreamOutlet> outlets = new ArrayList<>();
    private final double speed;
    private final boolean loop;
    private final double firstTimestamp;
    private final double durationSeconds;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile double positionSeconds;
    private volatile int loopsDone;

    private RecordingPlayer(List<RecordedStream> streams, LslConfig config, double speed, boolean loop)
            throws IOException {
        this.streams = streams;
        this.speed = speed;
        this.loop = loop;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (RecordedStream stream : streams) {
            double[] t = stream.samples().timestamps();
            if (t.length > 0) {
                first = Math.min(first, t[0]);
                last = Math.max(last, t[t.length - 1]);
            }
        }
        if (first == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the recording has no samples to replay");
        }
        this.firstTimestamp = first;
        this.durationSeconds = last - first;
        try {
            for (RecordedStream stream : streams) {
                outlets.add(StreamOutlet.open(stream.info(), config));
            }
        } catch (IOException | RuntimeException e) {
            outlets.forEach(StreamOutlet::close);
            throw e;
        }
        this.thread = new Thread(this::play, "replay");
        thread.setDaemon(true);
    }

    /**
     * Opens one outlet per stream with samples and starts playing.
     *
     * @param speed 1 for the original timing, 10 for ten times faster; in (0, 1000]
     * @param loop  start again from the beginning at the end
     */
    public static RecordingPlayer start(Recording recording, LslConfig config, double speed, boolean loop)
            throws IOException {
        return start(recording.streams(), config, speed, loop);
    }

    /** Plays the given streams (a selection of a recording's). */
    public static RecordingPlayer start(List<RecordedStream> streams, LslConfig config, double speed, boolean loop)
            throws IOException {
        if (!(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("speed must be in (0, 1000], got " + speed);
        }
        List<RecordedStream> playable = streams.stream().filter(s -> s.sampleCount() > 0).toList();
        RecordingPlayer player = new RecordingPlayer(playable, config, speed, loop);
        player.thread.start();
        return player;
    }

    /** The outlets, one per replayed stream, in order. */
    public List<StreamOutlet> outlets() {
        return List.copyOf(outlets);
    }

    /** Seconds of the recording played so far in the current pass. */
    public double positionSeconds() {
        return positionSeconds;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public int loopsDone() {
        return loopsDone;
    }

    public boolean isFinished() {
        return !thread.isAlive();
    }

    /** Waits until the last sample went out (never, when looping, until {@link #close()}). */
    public void awaitEnd() throws InterruptedException {
        thread.join();
    }

    private void play() {
        int[] cursors = new int[streams.size()];
        double passStart = LocalClock.now();
        while (!stopped) {
            double elapsed = (LocalClock.now() - passStart) * speed; // recording seconds since the pass began
            boolean remaining = false;
            for (int k = 0; k < streams.size(); k++) {
                cursors[k] = pushDue(k, cursors[k], elapsed, passStart);
                remaining |= cursors[k] < streams.get(k).sampleCount();
            }
            positionSeconds = Math.min(elapsed, durationSeconds);
            if (!remaining) {
                if (!loop) {
                    positionSeconds = durationSeconds;
                    return;
                }
                loopsDone++;
                java.util.Arrays.fill(cursors, 0);
                // the next pass begins one mean sample interval after the last sample, like a seamless recording
                passStart += (durationSeconds + 1e-3) / speed;
                continue;
            }
            LockSupport.parkNanos((long) (PUSH_PERIOD_SECONDS * 1e9));
        }
    }

    /** Pushes the samples of stream k due by {@code until} (recording seconds); returns the new cursor. */
    private int pushDue(int k, int cursor, double until, double passStart) {
        RecordedStream stream = streams.get(k);
        double[] t = stream.samples().timestamps();
        int end = cursor;
        while (end < t.length && t[end] - firstTimestamp <= until) {
            end++;
        }
        if (end == cursor) {
            return cursor;
        }
        Chunk chunk = stream.samples().copyOfRange(cursor, end); // its timestamps are replaced below
        for (int s = 0; s < chunk.sampleCount(); s++) {
            chunk.timestamps()[s] = passStart + (t[cursor + s] - firstTimestamp) / speed;
        }
        try {
            outlets.get(k).push(chunk);
        } catch (IllegalStateException closed) {
            stopped = true;
        }
        return end;
    }


    /** Stops playing and closes the outlets. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outlets.forEach(StreamOutlet::close);
        LOG.debug("replay stopped at {} s of {}", positionSeconds, durationSeconds);
    }
}
