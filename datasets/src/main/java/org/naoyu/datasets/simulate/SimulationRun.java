package org.naoyu.datasets.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.datasets.corpus.TaskMarker;
import org.naoyu.datasets.xdf.XdfWriter;

/**
 * Runs the simulator into its outputs: live LSL outlets (the signal and its markers) paced in real time or
 * {@code speed} times faster, an XDF file, or both. A file written without outlets is made as fast as the CPU allows
 * and depends only on the config: its timestamps start at 0, its header's datetime is the epoch, its stream uids
 * derive from the seeds, so the same config gives the same bytes. With outlets, timestamps are LSL clock times; at a
 * speed above 1 they are compressed by the speed, as {@code naoyu replay} does, so they stay on the LSL clock.
 */
public final class SimulationRun {
    /** Names of the streams the simulator publishes or writes. */
    public static final String SIGNAL_NAME = "naoyu-sim";
    public static final String MARKER_NAME = "naoyu-sim-markers";
    private static final double CLOCK_OFFSET_INTERVAL_SECONDS = 5;

    /**
     * Where the simulation goes.
     *
     * @param xdf          the file to write, or null
     * @param lsl          the LSL configuration to publish outlets with, or null for no outlets
     * @param sourceId     the signal outlet's source id (the marker outlet's adds {@code -markers})
     * @param seconds      how long to run; {@code Double.POSITIVE_INFINITY} until stopped (outlets only)
     * @param speed        pacing, times real time; {@code Double.POSITIVE_INFINITY} = as fast as possible
     * @param chunkSeconds how much signal each push carries (10 ms is typical of amplifiers)
     */
    public record Outputs(Path xdf, LslConfig lsl, String sourceId, double seconds, double speed, double chunkSeconds) {
        public Outputs {
            if (xdf == null && lsl == null) {
                throw new IllegalArgumentException("a simulation needs an output: an XDF file, LSL outlets or both");
            }
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("seconds must be > 0, got " + seconds);
            }
            if (xdf != null && Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("a simulation written to a file needs a duration in seconds");
            }
            if (!(speed > 0 && (speed <= 1000 || Double.isInfinite(speed)))) {
                throw new IllegalArgumentException("speed must be in (0, 1000] times real time or unlimited, got "
                        + speed);
            }
            if (!(chunkSeconds >= 0.001 && chunkSeconds <= 1)) {
                throw new IllegalArgumentException("chunkSeconds must be in [0.001, 1], got " + chunkSeconds);
            }
            if (sourceId == null || sourceId.isBlank()) {
                throw new IllegalArgumentException("sourceId must not be empty");
            }
        }
    }

    /**
     * Where a run is (trials = cues and sentences shown); reported about once a second of wall time and at the end.
     * {@code ignoredCues} counts task-stream markers a following participant could not act on (not a cue, not a task
     * marker at all, or a syllable outside the inventory).
     */
    public record Progress(double simulatedSeconds, double totalSeconds, long trials, long markers,
            double realTimeFactor, long ignoredCues) {
    }

    /** Started outlets, for callers that print where they are. */
    public record Started(StreamInfo signal, StreamInfo markers, List<StreamOutlet> outlets, List<BadChannel> bad) {
    }

    private final SimulatorConfig config;
    private final Outputs outputs;
    private final String cues;

    public SimulationRun(SimulatorConfig config, Outputs outputs) {
        this(config, outputs, null);
    }

    /**
     * A run whose participant follows the cues of a task stream, found by an LSL predicate ({@code cues}, e.g.
     * {@code name='naoyu-task'}): the {@link SimulatorConfig.Task#FOLLOW} task, live outlets in real time only, since
     * the cues come in real time. The stream may appear after the run starts (a session opens it once it has found
     * this participant's signal); it is looked for until it does.
     */
    public SimulationRun(SimulatorConfig config, Outputs outputs, String cues) {
        if (cues != null && config.task() != SimulatorConfig.Task.FOLLOW) {
            throw new IllegalArgumentException("following a task stream needs the follow task, got " + config.task());
        }
        if (cues != null && (outputs.lsl() == null || outputs.speed() != 1)) {
            throw new IllegalArgumentException("following a task stream needs live outlets at speed 1: the cues "
                    + "come in real time");
        }
        this.config = config;
        this.outputs = outputs;
        this.cues = cues;
    }

    /** The XDF header fields: the simulator's parameters and its ground truth about bad channels. */
    public static Map<String, String> headerFields(SimulatorConfig config, List<BadChannel> bad) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("recorder", "naoyu simulate");
        fields.put("simulator", config.describe().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        fields.put("bad_channels", bad.stream().map(b -> b.describe(config.grid())).collect(Collectors.joining(" ")));
        return fields;
    }

    /**
     * Runs until the duration is reached or {@code stop} says so; closes everything it opened, leaving a complete file
     * whichever way it ends.
     */
    public Progress run(Consumer<Started> onStart, Consumer<Progress> progress, BooleanSupplier stop)
            throws IOException {
        EcogSimulator simulator = new EcogSimulator(config);
        boolean live = outputs.lsl() != null;
        double rate = config.sampleRateHz();
        StreamInfo signalInfo;
        StreamInfo markerInfo;
        if (live) {
            signalInfo = simulator.signalInfo(SIGNAL_NAME, outputs.sourceId());
            markerInfo = EcogSimulator.markerInfo(MARKER_NAME, outputs.sourceId() + "-markers");
        } else {
            signalInfo = reproducible(simulator.signalInfo(SIGNAL_NAME, outputs.sourceId()));
            markerInfo = reproducible(EcogSimulator.markerInfo(MARKER_NAME, outputs.sourceId() + "-markers"));
        }
        List<StreamOutlet> outlets = new ArrayList<>();
        StreamInlet cueInlet = null;
        AtomicReference<ResolvedStream> cueStream = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        long ignored = 0;
        XdfWriter writer = null;
        long samplesDone = 0;
        long markerCount = 0;
        long trialCount = 0;
        try {
            if (live) {
                outlets.add(StreamOutlet.open(signalInfo, outputs.lsl()));
                outlets.add(StreamOutlet.open(markerInfo, outputs.lsl()));
            }
            if (cues != null) {
                lookFor(cues, cueStream, finished);
            }
            // live streams faster than real time compress their timestamps, as replay does, to stay on the LSL clock
            double timeScale = live && !Double.isInfinite(outputs.speed()) ? outputs.speed() : 1;
            long[] written = {0};
            if (outputs.xdf() != null) {
                writer = live ? XdfWriter.create(outputs.xdf(), headerFields(config, simulator.badChannels()))
                        : XdfWriter.create(outputs.xdf(), headerFields(config, simulator.badChannels()), Instant.EPOCH,
                                () -> written[0] / rate);
            }
            int signalId = writer == null ? -1 : writer.addStream(signalInfo);
            int markerId = writer == null ? -1 : writer.addStream(markerInfo);
            onStart.accept(new Started(signalInfo, markerInfo, List.copyOf(outlets), simulator.badChannels()));

            long total = Double.isInfinite(outputs.seconds()) ? Long.MAX_VALUE : StrictMath.round(outputs.seconds() * rate);
            int chunk = (int) StrictMath.max(1, StrictMath.round(outputs.chunkSeconds() * rate));
            int channels = config.grid().channelCount();
            float[] values = new float[chunk * channels];
            List<TimedMarker> markers = new ArrayList<>();
            double startTime = live ? LocalClock.now() : 0; // taken with wallStart: stamps match when samples leave
            long wallStart = System.nanoTime();
            long lastReport = wallStart;
            double nextClockOffset = 0;
            while (samplesDone < total && !stop.getAsBoolean()) {
                int n = (int) StrictMath.min(chunk, total - samplesDone);
                if (cueInlet == null && cueStream.get() != null) { // on this machine's clock, so cue times map on samples
                    cueInlet = StreamInlet.open(cueStream.get(), outputs.lsl(), StreamInlet.Options.defaults()
                            .withProcessing(EnumSet.of(StreamInlet.Processing.CLOCK_SYNC,
                                    StreamInlet.Processing.MONOTONIC)));
                }
                if (cueInlet != null) {
                    ignored += followCues(cueInlet, simulator, startTime, rate);
                }
                markers.clear();
                simulator.next(values, n, markers);
                double[] stamps = new double[n];
                for (int s = 0; s < n; s++) {
                    stamps[s] = startTime + (samplesDone + s) / rate / timeScale;
                }
                Chunk signal = Chunk.ofFloat32(channels, stamps, n == chunk ? values
                        : java.util.Arrays.copyOf(values, n * channels));
                Chunk markerChunk = markers.isEmpty() ? null : markerChunk(markers, startTime, rate * timeScale);
                if (live) {
                    pace(wallStart, (samplesDone + n) / rate);
                    outlets.get(0).push(signal);
                    if (markerChunk != null) {
                        outlets.get(1).push(markerChunk);
                    }
                }
                if (writer != null) {
                    double now = (samplesDone + n) / rate;
                    if (now >= nextClockOffset) { // LabRecorder's habit; offsets are 0: one machine, one clock
                        writer.writeClockOffset(signalId, startTime + now / timeScale, 0);
                        writer.writeClockOffset(markerId, startTime + now / timeScale, 0);
                        nextClockOffset += CLOCK_OFFSET_INTERVAL_SECONDS;
                    }
                    writer.writeSamples(signalId, signal);
                    if (markerChunk != null) {
                        writer.writeSamples(markerId, markerChunk);
                    }
                }
                samplesDone += n;
                written[0] = samplesDone;
                markerCount += markers.size();
                for (TimedMarker marker : markers) {
                    TaskMarker.Kind kind = marker.marker().kind();
                    trialCount += kind == TaskMarker.Kind.CUE || kind == TaskMarker.Kind.SENTENCE_START ? 1 : 0;
                }
                long wallNow = System.nanoTime();
                if (wallNow - lastReport >= 1_000_000_000L) {
                    progress.accept(progress(samplesDone, trialCount, markerCount, wallStart, wallNow, ignored));
                    lastReport = wallNow;
                }
            }
            Progress last = progress(samplesDone, trialCount, markerCount, wallStart, System.nanoTime(), ignored);
            progress.accept(last);
            return last;
        } finally {
            finished.set(true);
            if (cueInlet != null) {
                cueInlet.close();
            }
            for (StreamOutlet outlet : outlets) {
                outlet.close();
            }
            if (writer != null) {
                writer.close();
            }
        }
    }

    private Progress progress(long samples, long trials, long markers, long wallStart, long wallNow, long ignored) {
        double simulated = samples / config.sampleRateHz();
        double wall = (wallNow - wallStart) / 1e9;
        return new Progress(simulated, outputs.seconds(), trials, markers,
                wall > 0 ? simulated / wall : Double.POSITIVE_INFINITY, ignored);
    }

    /** Looks for the task stream on a thread of its own until it is found or the run ends. */
    private void lookFor(String predicate, AtomicReference<ResolvedStream> found, AtomicBoolean finished) {
        Thread looker = new Thread(() -> {
            while (!finished.get() && found.get() == null) {
                try {
                    List<ResolvedStream> streams = StreamResolver.resolve(outputs.lsl(), predicate, 1,
                            java.time.Duration.ofSeconds(1));
                    if (!streams.isEmpty()) {
                        found.set(streams.get(0));
                    }
                } catch (IOException e) {
                    LockSupport.parkNanos(1_000_000_000L); // the network is not ready: try again
                }
            }
        }, "simulator-follow-" + outputs.sourceId());
        looker.setDaemon(true);
        looker.start();
    }

    /** Hands the cues that arrived to the participant, each at its time on the sample clock; returns those ignored. */
    private static long followCues(StreamInlet inlet, EcogSimulator simulator, double startTime, double rate) {
        Chunk arrived = inlet.pullChunk(64, java.time.Duration.ZERO);
        long ignored = 0;
        for (int i = 0; i < arrived.sampleCount(); i++) {
            long sample = StrictMath.round((arrived.timestamps()[i] - startTime) * rate);
            TaskMarker marker;
            try {
                marker = TaskMarker.parse(arrived.valueAsString(i, 0));
            } catch (IllegalArgumentException e) {
                ignored++;
                continue;
            }
            ignored += simulator.follow(marker, sample) ? 0 : 1;
        }
        return ignored;
    }

    private void pace(long wallStart, double simulatedSeconds) {
        if (Double.isInfinite(outputs.speed())) {
            return;
        }
        long due = wallStart + (long) (simulatedSeconds / outputs.speed() * 1e9);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Chunk markerChunk(List<TimedMarker> markers, double startTime, double rate) {
        double[] stamps = new double[markers.size()];
        String[] labels = new String[markers.size()];
        for (int i = 0; i < labels.length; i++) {
            stamps[i] = startTime + markers.get(i).sample() / rate;
            labels[i] = markers.get(i).marker().format();
        }
        return Chunk.ofStrings(1, stamps, labels);
    }

    /** Fixed uid, host and creation time, so a file-only run's bytes depend on the config alone. */
    private StreamInfo reproducible(StreamInfo info) {
        String identity = info.name() + " " + config.seed() + " " + config.participant() + " " + info.sourceId();
        return info.toBuilder().uid(UUID.nameUUIDFromBytes(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString()).hostname("naoyu-simulator").createdAt(0).build();
    }
}
