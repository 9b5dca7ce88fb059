package org.naoyu.speller.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session thread's input: pulls the signal inlet in blocks of at most 50 ms and the task-marker inlet without
 * waiting, holds the first {@link OnlineSession#SETTLE_SECONDS} of signal back until the channels are assessed, then
 * replays it, and hands each task marker on in time order before the samples it marks. What happens to blocks and
 * markers is the {@link Stages}' business; between blocks they run the queued operator actions.
 */
final class InputLoop {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);
    private static final int MAX_PENDING_MARKERS = 10_000;

    /** What the loop feeds, all on the session thread. */
    interface Stages {
        /** Between two pulls: the queued operator actions. */
        void betweenBlocks();

        /** A task marker as it arrives (a cue is shown at once, before its samples arrive). */
        void markerArrived(double time, String label);

        /** The held-back signal is in the ring: assess the channels and build the pipeline before it is replayed. */
        void settled();

        /** A task marker whose time has come: every sample before it has been handed on, none after it. */
        void markerDue(double time, String label);

        /** A block of samples, sample-major, valid for {@code n} samples. */
        void block(double[] block, int n, double firstTimestamp, long receivedNanos, boolean replayed);
    }

    private record TimedMarker(double time, String label) {
    }

    private final StreamInlet signalInlet;
    private final StreamInlet markerInlet;
    private final StreamInfo info;
    private final int channels;
    private final SignalRing ring;
    private final RateMeter rate = new RateMeter(5);
    private final SessionLog log;
    private final Thread thread;
    private Stages stages;

    // owned by the session thread
    private final List<TimedMarker> pendingMarkers = new ArrayList<>();
    private final List<double[]> settleBlocks = new ArrayList<>();
    private final List<double[]> settleTimes = new ArrayList<>();
    private double lastSampleTime = Double.NaN;

    // published to other threads
    private volatile boolean running = true;
    private volatile boolean settling = true;
    private volatile boolean markerLost;
    private volatile long samplesReceived;
    private volatile Throwable failure;

    /** @param markerInlet the task's markers, or null without a task stream */
    InputLoop(StreamInlet signalInlet, StreamInlet markerInlet, SessionLog log) {
        this.signalInlet = signalInlet;
        this.markerInlet = markerInlet;
        this.info = signalInlet.info();
        this.channels = info.channelCount();
        this.ring = new SignalRing(channels, (int) Math.ceil(5 * info.nominalRateHz()));
        this.log = log;
        this.thread = new Thread(this::loop, "naoyu-session");
        this.thread.setDaemon(true);
    }

    /** Refuses a stream the session cannot spell from: strings, or no regular rate. */
    static void checkSignal(StreamInfo info) {
        if (info.format() == ChannelFormat.STRING) {
            throw new IllegalArgumentException("stream '" + info.name() + "' carries strings (a marker "
                    + "stream); the session needs the ECoG signal stream");
        }
        if (!(info.nominalRateHz() > 0 && info.nominalRateHz() <= 100_000)) {
            throw new IllegalArgumentException("stream '" + info.name() + "' must have a regular rate in "
                    + "(0, 100000] Hz, got " + info.nominalRateHz());
        }
    }

    /** Starts the session thread, which feeds {@code to} until {@link #stop()}. */
    void start(Stages to) {
        this.stages = to;
        thread.start();
    }

    private void loop() {
        int maxSamples = Math.max(1, (int) (info.nominalRateHz() / 20));
        double[] timestamps = new double[maxSamples];
        Object values = SignalBlocks.allocate(info.format(), maxSamples * channels);
        double[] block = new double[maxSamples * channels];
        try {
            while (running) {
                stages.betweenBlocks();
                int n = signalInlet.pullChunk(timestamps, values, maxSamples, Duration.ofMillis(20));
                long received = System.nanoTime();
                pullMarkers();
                if (n == 0) {
                    continue;
                }
                SignalBlocks.toDoubles(values, block, n * channels);
                ring.append(block, n);
                rate.count(n);
                samplesReceived += n;
                lastSampleTime = timestamps[n - 1];
                if (settling) {
                    settleBlocks.add(Arrays.copyOf(block, n * channels));
                    settleTimes.add(Arrays.copyOf(timestamps, n));
                    if (samplesReceived >= OnlineSession.SETTLE_SECONDS * info.nominalRateHz()) {
                        finishSettling();
                    }
                    continue;
                }
                feedMarkersUpTo(timestamps[n - 1]);
                stages.block(block, n, timestamps[0], received, false);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the session stopped: {}", e.toString(), e);
            log.add("ERROR: the session stopped: " + e);
        }
    }

    /** Lets the stages look at the held-back signal, then hands it and its markers on in order: nothing is lost. */
    private void finishSettling() {
        settling = false;
        stages.settled();
        for (int i = 0; i < settleBlocks.size(); i++) {
            double[] times = settleTimes.get(i);
            feedMarkersUpTo(times[times.length - 1]);
            stages.block(settleBlocks.get(i), times.length, times[0], System.nanoTime(), true);
        }
        settleBlocks.clear();
        settleTimes.clear();
    }

    private void pullMarkers() {
        if (markerInlet == null || markerLost) {
            return;
        }
        Chunk markers;
        try {
            markers = markerInlet.pullChunk(256, Duration.ZERO);
        } catch (IllegalStateException lost) {
            markerLost = true;
            log.add("the task stream is lost (" + lost.getMessage() + "): no more cues; free spelling goes on");
            return;
        }
        for (int i = 0; i < markers.sampleCount(); i++) {
            double time = markers.timestamps()[i];
            String label = markers.valueAsString(i, 0);
            stages.markerArrived(time, label);
            if (pendingMarkers.size() >= MAX_PENDING_MARKERS) {
                log.add("more than " + MAX_PENDING_MARKERS + " task markers ahead of the signal: the oldest is "
                        + "dropped (are the streams' clocks far apart?)");
                pendingMarkers.remove(0);
            }
            int at = pendingMarkers.size();
            while (at > 0 && pendingMarkers.get(at - 1).time() > time) {
                at--;
            }
            pendingMarkers.add(at, new TimedMarker(time, label));
        }
    }

    /** Hands on the task markers up to {@code time}, in time order, before the samples they mark. */
    private void feedMarkersUpTo(double time) {
        int fed = 0;
        while (fed < pendingMarkers.size() && pendingMarkers.get(fed).time() <= time) {
            TimedMarker m = pendingMarkers.get(fed++);
            stages.markerDue(m.time(), m.label());
        }
        pendingMarkers.subList(0, fed).clear();
    }

    StreamInlet signalInlet() {
        return signalInlet;
    }

    /** The task stream's inlet, or null without one. */
    StreamInlet markerInlet() {
        return markerInlet;
    }

    /** Whether task markers still arrive: there is a task stream and it was not lost. */
    boolean taskStreamLive() {
        return markerInlet != null && !markerLost;
    }

    boolean markerLost() {
        return markerLost;
    }

    /** The last few seconds of signal, for channel quality and the operator's traces. */
    SignalRing ring() {
        return ring;
    }

    boolean settling() {
        return settling;
    }

    boolean running() {
        return running;
    }

    long samplesReceived() {
        return samplesReceived;
    }

    double effectiveRateHz() {
        return rate.perSecond();
    }

    /** The newest sample's timestamp (session thread). */
    double lastSampleTime() {
        return lastSampleTime;
    }

    Throwable failure() {
        return failure;
    }

    /** Ends the loop and waits up to 10 s for the session thread; the inlets stay open ({@link #close()}). */
    void stop() {
        running = false;
        if (thread.isAlive()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread.isAlive()) {
            LOG.warn("the session thread did not stop within 10 s; closing its streams under it");
        }
    }

    void close() {
        signalInlet.close();
        if (markerInlet != null) {
            markerInlet.close();
        }
    }
}
