package org.naoyu.speller.session;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.record.SessionRecorder;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.dsp.ChannelQuality;
import org.naoyu.dsp.QualityThresholds;
import org.naoyu.speller.training.ModelTraining;
import org.naoyu.speller.signal.SignalSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live speller session: the ECoG stream (and, when given, the task's marker stream) in over LSL, the speller
 * pipeline on its own thread, the {@code naoyu-speller} marker outlet, optional XDF recording, and the task flow of a
 * clinical session (calibration → training → free spelling / cued sentences).
 *
 * <p>Threads: the session thread owns the pipeline, the phase and the bad channels. Operator actions arrive from
 * other threads as queued actions that the session thread runs between blocks; each returns a future that fails with
 * the reason when the action is refused. Readers on other threads (the operator view) see only published snapshots.
 * Both inlets add LSL's time correction, so signal, markers and this machine's clock agree even when the amplifier
 * and the stimulus program run on other computers.
 *
 * <p>The first {@link #SETTLE_SECONDS} seconds are held back while channel quality is assessed: channels that look
 * bad then leave the common average before the first sample is filtered, as training does for its calibration; the
 * held samples and markers are then processed in order, so nothing is lost.
 */
public final class OnlineSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);

    /** The outlet's stream name, for LabRecorder or {@code naoyu record}. */
    public static final String OUTLET_NAME = "naoyu-speller";

    /** Signal held back at the start to find bad channels before filtering. */
    public static final double SETTLE_SECONDS = 2.5;

    private static final int MAX_PENDING_MARKERS = 10_000;

    /** Where the session is in a clinical session's flow. */
    public enum Phase {
        /** Watching the signal; nothing decoded. */
        WATCHING,
        /** Recording calibration trials from the task's cues. */
        CALIBRATION,
        /** Training a model on the calibration just recorded. */
        TRAINING,
        /** Self-paced spelling: the onset detector finds attempts. */
        FREE_SPELLING,
        /** Cued sentences for evaluation: attempts at the task's speech onsets, sentences scored. */
        CUED_SENTENCES;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Phase parse(String text) {
            for (Phase p : values()) {
                if (p.id().equals(text)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("phase must be one of watching, calibration, free-spelling, "
                    + "cued-sentences, got '" + text + "'");
        }
    }

    /** Receives every event of the session; must not block (it is called on the session thread). */
    @FunctionalInterface
    public interface Observer {
        void event(Map<String, Object> event);

        /**
         * An event with the {@link System#nanoTime()} at which the block behind it was received (0 when none), so an
         * observer that delivers it can time the whole path; by default the same as {@link #event}.
         */
        default void event(Map<String, Object> event, long receivedNanos) {
            event(event);
        }
    }

    /**
     * @param taskMarkers  the task's marker stream (cues, onsets, sentences), or null when there is none
     * @param workDir      where calibration recordings and trained models go
     * @param recordFile   the session's XDF recording (signal, task markers, naoyu-speller), or null for none
     * @param headerFields session metadata for the recording's header (pseudonym, task, …)
     * @param training     how a model is trained from calibration
     * @param commands     decoded command syllables in free spelling, or null
     */
    public record Options(ResolvedStream signal, ResolvedStream taskMarkers, LslConfig lsl, Path workDir,
            Path recordFile, Map<String, String> headerFields, ModelTraining training,
            SpellerPipeline.CommandSyllables commands, Phase startPhase) {
        public Options {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(lsl, "lsl");
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(startPhase, "startPhase");
            headerFields = Map.copyOf(headerFields);
        }
    }

    private record QueuedAction(Callable<Object> body, CompletableFuture<Object> done) {
    }

    private record TimedMarker(double time, String label) {
    }

    private final Options options;
    private final SentenceDecoder language;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<QueuedAction> actions = new ConcurrentLinkedQueue<>();
    private final LatencyStats latency = new LatencyStats();
    private final SessionLog log = new SessionLog(this::broadcast);
    private final StreamInlet signalInlet;
    private final StreamInlet markerInlet;
    private final StreamOutlet outlet;
    private final StreamInfo signalInfo;
    private final int channels;
    private final SignalRing ring;
    private final SessionRecorder recorder;
    private final ScheduledExecutorService housekeeping;
    private final Thread thread;

    // owned by the session thread
    private SpellerPipeline pipeline;
    private ModelFile.Loaded model;
    private final TreeSet<Integer> badChannels = new TreeSet<>();
    private final List<TimedMarker> pendingMarkers = new ArrayList<>();
    private final List<double[]> settleBlocks = new ArrayList<>();
    private final List<double[]> settleTimes = new ArrayList<>();
    private boolean settling = true;
    private boolean replaying;
    private boolean markerLost;
    private SessionRecorder calibration;
    private int calibrationRuns;
    private long blockReceivedNanos;
    private long lastPublishNanos;
    private double lastSampleTime = Double.NaN;
    private List<String> currentBest = List.of();
    private String lastSentence = "";
    private String cue = "";
    private final double[] highGammaWork;

    // published to other threads
    private volatile boolean running = true;
    private volatile Phase phase = Phase.WATCHING;
    private volatile String modelDescription = "none";
    private volatile List<Integer> badSnapshot = List.of();
    private volatile double[] highGammaSnapshot = new double[0];
    private volatile double speechProbability = Double.NaN;
    private volatile long samplesReceived;
    private volatile String calibrationFile;
    private volatile List<ChannelQuality> quality = List.of();
    private volatile Map<String, Object> participant = Map.of();
    private volatile Throwable failure;
    private final RateMeter rate = new RateMeter(5);
    private final List<Map<String, Object>> sentences = new CopyOnWriteArrayList<>();

    private OnlineSession(Options options, ModelFile.Loaded model, SentenceDecoder language) throws IOException {
        this.options = options;
        this.language = language;
        Files.createDirectories(options.workDir());
        // both inlets on this machine's clock: markers from a stimulus PC line up with an amplifier's samples
        StreamInlet.Options synced = StreamInlet.Options.defaults().withProcessing(EnumSet.of(
                StreamInlet.Processing.CLOCK_SYNC, StreamInlet.Processing.MONOTONIC));
        this.signalInlet = StreamInlet.open(options.signal(), options.lsl(), synced);
        StreamInlet markers = null;
        StreamOutlet speller = null;
        try {
            this.signalInfo = signalInlet.info();
            if (signalInfo.format() == ChannelFormat.STRING) {
                throw new IllegalArgumentException("stream '" + signalInfo.name() + "' carries strings (a marker "
                        + "stream); the session needs the ECoG signal stream");
            }
            if (!(signalInfo.nominalRateHz() > 0 && signalInfo.nominalRateHz() <= 100_000)) {
                throw new IllegalArgumentException("stream '" + signalInfo.name() + "' must have a regular rate in "
                        + "(0, 100000] Hz, got " + signalInfo.nominalRateHz());
            }
            this.channels = signalInfo.channelCount();
            this.ring = new SignalRing(channels, (int) Math.ceil(5 * signalInfo.nominalRateHz()));
            this.highGammaWork = new double[channels];
            if (model != null) {
                checkFits(model);
                this.model = model;
                this.modelDescription = describe(model, "loaded");
            }
            markers = options.taskMarkers() == null ? null : StreamInlet.open(options.taskMarkers(), options.lsl(),
                    synced);
            speller = StreamOutlet.open(StreamInfo.builder(OUTLET_NAME, 1, 0, ChannelFormat.STRING)
                    .type("Markers").sourceId("naoyu-speller-" + signalInfo.sourceId()).build(), options.lsl());
            this.markerInlet = markers;
            this.outlet = speller;
            this.recorder = options.recordFile() == null ? null : SessionRecorder.start(recorded(), options.lsl(),
                    options.recordFile(), options.headerFields(), Duration.ofSeconds(5));
        } catch (IOException | RuntimeException e) {
            // nothing may stay open when the session cannot start
            signalInlet.close();
            if (markers != null) {
                markers.close();
            }
            if (speller != null) {
                speller.close();
            }
            throw e;
        }
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "naoyu-session-housekeeping");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "naoyu-session");
        this.thread.setDaemon(true);
    }

    /**
     * Checks the start phase against the model and streams before anything opens, opens the streams, starts the
     * session thread and enters {@link Options#startPhase()}.
     *
     * @param model the model to spell with, or null (calibrate and train first)
     */
    public static OnlineSession start(Options options, ModelFile.Loaded model, SentenceDecoder language)
            throws IOException {
        checkPhase(options.startPhase(), model, options.taskMarkers() != null, Phase.WATCHING);
        if (options.commands() != null && model != null) {
            checkCommands(options.commands(), model);
        }
        OnlineSession session = new OnlineSession(options, model, language);
        try {
            session.log.add("session started: " + session.signalInfo.name() + ", " + session.channels
                    + " channels at " + session.signalInfo.nominalRateHz() + " Hz" + (session.markerInlet == null
                    ? ", no task stream" : ", task stream " + session.markerInlet.info().name()) + ", model "
                    + session.modelDescription + (session.recorder == null ? ""
                    : ", recording to " + session.recorder.path().getFileName()));
            session.enter(options.startPhase()); // before the thread starts: safe to run here
            session.housekeeping.scheduleWithFixedDelay(session::housekeep, 500, 1000, TimeUnit.MILLISECONDS);
            session.thread.start();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public void addObserver(Observer observer) {
        observers.add(observer);
    }

    public LatencyStats latency() {
        return latency;
    }

    public StreamInfo signalInfo() {
        return signalInfo;
    }

    public Phase phase() {
        return phase;
    }

    /** The participant's screen now: phase, cue, sentence, candidates. */
    public Map<String, Object> participantState() {
        return participant;
    }

    /** The finished sentences so far, oldest first. */
    public List<Map<String, Object>> sentences() {
        return List.copyOf(sentences);
    }

    /** The error that stopped the session thread, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    // ---- operator actions: queued, run by the session thread; the future fails with the reason if refused ----

    /** Drops the last decoded syllable of the sentence being spelled. */
    public CompletableFuture<Object> undo() {
        return submit(() -> {
            requireSpelling("undo");
            pipeline.undo();
            log.add("undo");
            return null;
        });
    }

    /** Ends the sentence being spelled and keeps it. */
    public CompletableFuture<Object> commit() {
        return submit(() -> {
            requireSpelling("commit");
            pipeline.commit(lastSampleTime);
            log.add("commit");
            return null;
        });
    }

    /** Forgets the sentence being spelled. */
    public CompletableFuture<Object> clear() {
        return submit(() -> {
            requireSpelling("clear");
            pipeline.clear();
            log.add("sentence cleared");
            return null;
        });
    }

    /** Marks a channel bad (it leaves the common average) or good again. */
    public CompletableFuture<Object> setBad(int channel, boolean bad) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel must be in [0, " + (channels - 1) + "], got " + channel);
        }
        return submit(() -> {
            changeBad(channel, bad, "");
            return null;
        });
    }

    /** Moves the session to another phase; refuses phases the model or the streams cannot support. */
    public CompletableFuture<Object> setPhase(Phase next) {
        return submit(() -> {
            checkPhase(next, model, markerInlet != null && !markerLost, phase);
            enter(next);
            return null;
        });
    }

    /** Stops the calibration recording and trains a model on it in the background, then loads it. */
    public CompletableFuture<Object> train() {
        return submit(() -> {
            if (phase != Phase.CALIBRATION || calibration == null) {
                throw new IllegalStateException("train needs a calibration first: start calibration, let the cues "
                        + "run, then train");
            }
            startTraining();
            return null;
        });
    }

    private CompletableFuture<Object> submit(Callable<Object> body) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the session has ended"));
            return done;
        }
        actions.add(new QueuedAction(body, done));
        return done;
    }

    private void runActions() {
        QueuedAction action;
        while ((action = actions.poll()) != null) {
            try {
                action.done().complete(action.body().call());
            } catch (Exception | Error e) { // a refused action must never end the session
                action.done().completeExceptionally(e);
            }
        }
    }

    private void requireSpelling(String what) {
        if (pipeline == null || (phase != Phase.FREE_SPELLING && phase != Phase.CUED_SENTENCES)) {
            throw new IllegalStateException(what + " works while spelling (free spelling or cued sentences), not in "
                    + phase.id());
        }
    }

    /** Refuses a phase the model, the streams or the current phase cannot support, saying why. */
    private static void checkPhase(Phase next, ModelFile.Loaded model, boolean taskStream, Phase current) {
        if (current == Phase.TRAINING) {
            throw new IllegalStateException("a model is being trained; wait for it to finish");
        }
        switch (next) {
            case TRAINING -> throw new IllegalArgumentException("training starts with train, after calibration");
            case CALIBRATION, CUED_SENTENCES -> {
                if (!taskStream) {
                    throw new IllegalArgumentException(next.id() + " needs the task's marker stream (--markers "
                            + "QUERY): its cues and speech onsets label the trials");
                }
            }
            default -> {
            }
        }
        if ((next == Phase.FREE_SPELLING || next == Phase.CUED_SENTENCES) && model == null) {
            throw new IllegalStateException(next.id() + " needs a model: load one with --model, or calibrate and "
                    + "train first");
        }
        if (next == Phase.FREE_SPELLING && !SpellerPipeline.canSpellSelfPaced(model)) {
            throw new IllegalStateException("free spelling needs a model with a speech-onset detector and windows "
                    + "locked to speech_onset; this model has none: train with the onset detector");
        }
    }

    private static void checkCommands(SpellerPipeline.CommandSyllables commands, ModelFile.Loaded model) {
        for (String syllable : new String[] {commands.commit(), commands.undo()}) {
            if (syllable != null && !model.provenance().inventory().contains(syllable)) {
                throw new IllegalArgumentException("command syllable '" + syllable + "' is not one the model "
                        + "decodes; it decodes " + model.provenance().inventory());
            }
        }
    }

    // ---- the session thread ----

    private void loop() {
        int maxSamples = Math.max(1, (int) (signalInfo.nominalRateHz() / 20));
        double[] timestamps = new double[maxSamples];
        Object values = SignalBlocks.allocate(signalInfo.format(), maxSamples * channels);
        double[] block = new double[maxSamples * channels];
        try {
            while (running) {
                runActions();
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
                    settleBlocks.add(java.util.Arrays.copyOf(block, n * channels));
                    settleTimes.add(java.util.Arrays.copyOf(timestamps, n));
                    if (samplesReceived >= SETTLE_SECONDS * signalInfo.nominalRateHz()) {
                        finishSettling();
                    }
                    continue;
                }
                feedMarkersUpTo(timestamps[n - 1]);
                process(block, n, timestamps[0], received);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the session stopped: {}", e.toString(), e);
            log.add("ERROR: the session stopped: " + e);
        }
    }

    /** Marks channels that look bad, builds the pipeline, and processes the held-back signal and markers. */
    private void finishSettling() {
        settling = false;
        int rateHz = (int) signalInfo.nominalRateHz();
        try {
            List<ChannelQuality> first = SignalSteps.quality(ring.last(ring.available()), channels, rateHz,
                    signalInfo.channels(), lineHz(), QualityThresholds.DEFAULT);
            quality = first;
            for (ChannelQuality c : first) {
                if (c.isBad()) {
                    try {
                        changeBad(c.channel(), true, " (" + String.join(", ", c.problems()) + ")");
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        log.add("channel " + signalLabel(c.channel()) + " looks bad but stays: " + e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.add("channel quality could not be assessed at the start: " + e.getMessage());
        }
        if (model != null) {
            buildPipeline();
        }
        replaying = true;
        for (int i = 0; i < settleBlocks.size(); i++) {
            double[] times = settleTimes.get(i);
            feedMarkersUpTo(times[times.length - 1]);
            process(settleBlocks.get(i), times.length, times[0], System.nanoTime());
        }
        replaying = false;
        settleBlocks.clear();
        settleTimes.clear();
    }

    private void process(double[] block, int n, double firstTimestamp, long receivedNanos) {
        SpellerPipeline p = pipeline;
        if (p == null) {
            return;
        }
        blockReceivedNanos = receivedNanos;
        try {
            p.samples(block, n, firstTimestamp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // one bad block (a clock step the inlet could not smooth, say) must not end the session
            log.add("a block was refused (" + e.getMessage() + "); the pipeline restarts");
            buildPipeline();
            return;
        }
        long now = System.nanoTime();
        if (now - lastPublishNanos > 100_000_000L) {
            p.highGamma(highGammaWork);
            highGammaSnapshot = highGammaWork.clone();
            speechProbability = p.speechProbability();
            lastPublishNanos = now;
        }
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
            showCue(time, label);
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

    /** Hands the pipeline the task markers up to {@code time}, in time order, before the samples they mark. */
    private void feedMarkersUpTo(double time) {
        int fed = 0;
        while (fed < pendingMarkers.size() && pendingMarkers.get(fed).time() <= time) {
            TimedMarker m = pendingMarkers.get(fed++);
            if (phase == Phase.CUED_SENTENCES && pipeline != null) {
                try {
                    pipeline.marker(m.time(), m.label());
                } catch (IllegalArgumentException e) {
                    log.add("task marker not understood, ignored: '" + m.label() + "' (" + e.getMessage() + ")");
                }
            }
        }
        pendingMarkers.subList(0, fed).clear();
    }

    /** Shows the task's cues to the participant as they arrive (calibration and cued sentences). */
    private void showCue(double time, String label) {
        if (phase != Phase.CALIBRATION && phase != Phase.CUED_SENTENCES) {
            return;
        }
        TaskEvent event;
        try {
            event = TaskEvent.parse(time, label);
        } catch (IllegalArgumentException e) {
            log.add("task marker not understood, ignored: '" + label + "' (" + e.getMessage() + ")");
            return;
        }
        if (event.kind().equals("cue") || event.kind().equals("sentence_start")) {
            cue = event.kind().equals("cue") ? event.label() : sentenceText(event.label());
            Map<String, Object> e = event("cue");
            e.put("kind", event.kind());
            e.put("text", cue);
            emit(e, time);
        }
    }

    private static String sentenceText(String label) {
        int bar = label.indexOf('|');
        return bar < 0 ? label : label.substring(0, bar);
    }

    private void enter(Phase next) {
        if (calibration != null) {
            stopCalibration(); // leaving calibration, or starting it again after a false start
        }
        phase = next;
        cue = "";
        if (pipeline != null) {
            pipeline.clear();
            pipeline.setSelfPaced(next == Phase.FREE_SPELLING);
            pipeline.setCommands(next == Phase.FREE_SPELLING ? options.commands() : null);
        }
        if (next == Phase.CALIBRATION) {
            startCalibration();
        }
        Map<String, Object> e = event("phase");
        e.put("phase", next.id());
        emit(e, LocalClock.now());
        log.add("phase: " + next.id());
    }

    private void startCalibration() {
        if (!running) {
            return;
        }
        Path file;
        do {
            calibrationRuns++;
            file = options.workDir().resolve("calibration-" + calibrationRuns + ".xdf");
        } while (Files.exists(file));
        try {
            Map<String, String> header = new LinkedHashMap<>(options.headerFields());
            header.put("task", "calibration");
            calibration = SessionRecorder.start(List.of(options.signal(), options.taskMarkers()), options.lsl(), file,
                    header, Duration.ofSeconds(5));
            calibrationFile = file.getFileName().toString();
            log.add("calibration: recording " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            log.add("ERROR: calibration recording could not start: " + e.getMessage());
        }
    }

    private Path stopCalibration() {
        SessionRecorder recording = calibration;
        calibration = null;
        calibrationFile = null;
        if (recording == null) {
            return null;
        }
        try {
            recording.close();
            log.add("calibration: " + recording.path().getFileName() + " closed");
        } catch (IOException e) {
            log.add("ERROR: closing the calibration recording: " + e.getMessage());
        }
        return recording.path();
    }

    private void startTraining() {
        Path data = stopCalibration();
        phase = Phase.TRAINING;
        Map<String, Object> e = event("phase");
        e.put("phase", Phase.TRAINING.id());
        emit(e, LocalClock.now());
        Path out = options.workDir().resolve(data.getFileName().toString().replace(".xdf", "-model.zip"));
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Thread training = new Thread(() -> {
            try (PrintWriter printer = new PrintWriter(log.lineWriter(), true)) {
                log.add("training on " + data.getFileName() + " …");
                Files.deleteIfExists(part);
                options.training().train(List.of(data), part, printer);
                // a session closed mid-save leaves a .part file, never a truncated model
                Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
                ModelFile.Loaded trained = ModelFile.load(out);
                submit(() -> {
                    checkFits(trained);
                    model = trained;
                    modelDescription = describe(trained, "trained on " + data.getFileName());
                    buildPipeline();
                    phase = Phase.WATCHING; // training is over: any phase may follow
                    enter(SpellerPipeline.canSpellSelfPaced(trained) ? Phase.FREE_SPELLING
                            : markerInlet != null && !markerLost ? Phase.CUED_SENTENCES : Phase.WATCHING);
                    return null;
                }).exceptionally(failed -> {
                    Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                    log.add("ERROR: the trained model could not be used: " + cause.getMessage());
                    submit(() -> {
                        phase = Phase.WATCHING;
                        enter(Phase.WATCHING);
                        return null;
                    });
                    return null;
                });
            } catch (Exception | Error failed) {
                log.add("ERROR: training failed: " + failed.getMessage());
                submit(() -> {
                    phase = Phase.WATCHING;
                    enter(Phase.WATCHING);
                    return null;
                });
            }
        }, "naoyu-session-training");
        training.setDaemon(true);
        training.start();
    }

    private void checkFits(ModelFile.Loaded loaded) {
        List<String> streamLabels = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            streamLabels.add(signalInfo.channels().isEmpty() ? Integer.toString(c + 1)
                    : signalInfo.channels().get(c).label());
        }
        List<String> differences = loaded.provenance().mismatches(streamLabels, signalInfo.nominalRateHz(),
                loaded.provenance().featureConfig());
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the model does not fit stream '" + signalInfo.name() + "': "
                    + String.join("; ", differences));
        }
    }

    private static String describe(ModelFile.Loaded loaded, String how) {
        return loaded.provenance().kind().name().toLowerCase(Locale.ROOT) + ", "
                + loaded.provenance().inventory().size() + " toned syllables, " + how;
    }

    /** A fresh pipeline for the model, the bad channels and the phase (at start, after training, after a fault). */
    private void buildPipeline() {
        List<Integer> bad = SpellerPipeline.hasCommonAverage(model) ? List.copyOf(badChannels) : List.of();
        SpellerPipeline next = new SpellerPipeline(model, channels, bad, language, new PipelineEvents(), latency);
        next.setSelfPaced(phase == Phase.FREE_SPELLING);
        next.setCommands(phase == Phase.FREE_SPELLING ? options.commands() : null);
        pipeline = next;
        log.add("model: " + modelDescription);
    }

    private void changeBad(int channel, boolean bad, String why) {
        TreeSet<Integer> next = new TreeSet<>(badChannels);
        boolean changed = bad ? next.add(channel) : next.remove(channel);
        if (!changed) {
            return;
        }
        if (channels - next.size() < 2) {
            throw new IllegalArgumentException("at least 2 channels must stay in the common average; marking "
                    + signalLabel(channel) + " bad would leave " + (channels - next.size()));
        }
        if (model != null && !SpellerPipeline.hasCommonAverage(model)) {
            throw new IllegalStateException("this model's features use no common average, so a bad channel has "
                    + "nothing to leave; retrain with the common average to exclude channels");
        }
        if (pipeline != null) {
            pipeline.setBadChannels(List.copyOf(next));
        }
        badChannels.clear();
        badChannels.addAll(next);
        badSnapshot = List.copyOf(next);
        log.add("channel " + signalLabel(channel) + (bad ? " marked bad" + why + ": left out of the common average"
                : " marked good again"));
    }

    /** The pipeline's decodes become participant events, outlet markers and latency records. */
    private final class PipelineEvents implements SpellerPipeline.Listener {
        @Override
        public void attempt(SpellerPipeline.Attempt attempt) {
            Map<String, Object> e = event("attempt");
            e.put("onset", attempt.onsetSeconds());
            e.put("trigger", attempt.trigger().name().toLowerCase(Locale.ROOT));
            e.put("cue", attempt.cue());
            List<Map<String, Object>> syllables = new ArrayList<>();
            for (Posteriors.Scored s : attempt.syllables()) {
                syllables.add(Map.of("syllable", s.syllable().toned(), "p", round(s.probability())));
            }
            e.put("syllables", syllables);
            List<String> texts = attempt.sentence().stream().map(SentenceDecoder.Hypothesis::text).toList();
            e.put("candidates", texts);
            e.put("command", attempt.command().name().toLowerCase(Locale.ROOT));
            currentBest = texts;
            emit(e, attempt.onsetSeconds(), replaying ? 0 : blockReceivedNanos);
            if (!replaying) {
                latency.record(LatencyStats.Stage.END_TO_END, System.nanoTime() - blockReceivedNanos);
                latency.record(LatencyStats.Stage.FROM_SAMPLE_TIMESTAMP,
                        (long) ((LocalClock.now() - attempt.readySeconds()) * 1e9));
            }
        }

        @Override
        public void sentence(SpellerPipeline.Sentence sentence) {
            Map<String, Object> e = event("sentence");
            e.put("text", sentence.text());
            e.put("pinyin", sentence.pinyin());
            e.put("cued", sentence.cuedText());
            if (!sentence.cuedText().isEmpty()) {
                int right = 0;
                for (int i = 0; i < sentence.cuedText().length(); i++) {
                    right += i < sentence.text().length() && sentence.text().charAt(i) == sentence.cuedText()
                            .charAt(i) ? 1 : 0;
                }
                e.put("correct", right);
                e.put("of", sentence.cuedText().length());
            }
            e.put("index", sentences.size());
            currentBest = List.of();
            lastSentence = sentence.text();
            sentences.add(Map.copyOf(e));
            emit(e, sentence.timeSeconds());
            log.add("sentence: " + (sentence.text().isEmpty() ? "(nothing decoded)" : sentence.text())
                    + (sentence.cuedText().isEmpty() ? "" : " (cued " + sentence.cuedText() + ", " + e.get("correct")
                    + "/" + e.get("of") + " characters)"));
        }

        @Override
        public void revised(List<SentenceDecoder.Hypothesis> best) {
            Map<String, Object> e = event("revised");
            List<String> texts = best.stream().map(SentenceDecoder.Hypothesis::text).toList();
            e.put("candidates", texts);
            currentBest = texts;
            emit(e, LocalClock.now());
        }
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    private static Map<String, Object> event(String name) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", name);
        return e;
    }

    /** Publishes an event: the outlet (stamped on this machine's clock), observers, and the participant state. */
    private void emit(Map<String, Object> event, double timestamp) {
        emit(event, timestamp, 0);
    }

    private void emit(Map<String, Object> event, double timestamp, long receivedNanos) {
        String json = Events.json(event);
        try {
            outlet.push(Chunk.ofStrings(1, new double[] {timestamp}, new String[] {json}));
        } catch (RuntimeException e) {
            LOG.warn("naoyu-speller outlet: {}", e.toString());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phase", phase.id());
        p.put("cue", cue);
        p.put("candidates", currentBest);
        p.put("last", lastSentence);
        participant = p;
        broadcast(event, receivedNanos);
    }

    private void broadcast(Map<String, Object> event) {
        broadcast(event, 0);
    }

    private void broadcast(Map<String, Object> event, long receivedNanos) {
        for (Observer o : observers) {
            try {
                o.event(event, receivedNanos);
            } catch (RuntimeException e) {
                LOG.warn("an observer failed: {}", e.toString());
            }
        }
    }

    // ---- operator status ----

    private void housekeep() {
        int rateHz = (int) signalInfo.nominalRateHz();
        if (!settling && ring.available() >= 2 * rateHz) {
            try {
                quality = SignalSteps.quality(ring.last(2 * rateHz), channels, rateHz, signalInfo.channels(),
                        lineHz(), QualityThresholds.DEFAULT);
            } catch (RuntimeException e) {
                LOG.debug("quality: {}", e.toString());
            }
        }
    }

    /** The mains frequency the model's notch removes (50 Hz without a model). */
    private double lineHz() {
        ModelFile.Loaded m = model;
        return m == null ? 50 : m.provenance().featureConfig().lineFrequencyHz();
    }

    /** What the operator sees: stream status, channel maps, traces, task, recording, latency, the log. */
    public Map<String, Object> operatorStatus() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("name", signalInfo.name());
        stream.put("channels", channels);
        stream.put("nominalRateHz", signalInfo.nominalRateHz());
        stream.put("effectiveRateHz", rate.perSecond());
        stream.put("samples", samplesReceived);
        stream.put("gaps", signalInlet.gaps().size());
        stream.put("droppedSamples", signalInlet.droppedSamples());
        stream.put("connected", signalInlet.isConnected());
        stream.put("timeCorrectionMs", timeCorrectionMs());
        stream.put("taskStream", markerInlet == null ? null : markerInlet.info().name() + (markerLost ? " (lost)"
                : ""));
        s.put("stream", stream);
        s.put("labels", labels());
        s.put("grid", grid());
        List<Object> qualityOut = new ArrayList<>();
        for (ChannelQuality c : quality) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rms", round(c.rmsMicrovolts()));
            m.put("bad", c.isBad());
            m.put("problems", c.problems());
            qualityOut.add(m);
        }
        s.put("quality", qualityOut);
        s.put("highGamma", rounded(highGammaSnapshot));
        s.put("badChannels", badSnapshot);
        int bin = Math.max(1, (int) (signalInfo.nominalRateHz() / 100));
        Map<String, Object> traces = new LinkedHashMap<>();
        for (int c : traceChannels()) {
            traces.put(signalLabel(c), rounded(ring.trace(c, (int) (4 * signalInfo.nominalRateHz()), bin)));
        }
        s.put("traces", traces);
        s.put("phase", phase.id());
        s.put("settling", settling);
        s.put("model", modelDescription);
        s.put("recording", recorder == null ? null : recorder.path().getFileName().toString());
        s.put("calibrating", calibrationFile);
        s.put("latency", latency.summaries());
        s.put("speechProbability", speechProbability);
        s.put("log", log.lines());
        return s;
    }

    private Double timeCorrectionMs() {
        try {
            return signalInlet.timeCorrection(Duration.ZERO) * 1000;
        } catch (TimeoutException e) {
            return null; // not measured yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int[] traceChannels() {
        int[] out = new int[Math.min(4, channels)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) ((long) i * channels / out.length);
        }
        return out;
    }

    private static List<Double> rounded(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null);
        }
        return out;
    }

    private List<String> labels() {
        List<String> out = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            out.add(signalLabel(c));
        }
        return out;
    }

    private String signalLabel(int channel) {
        if (signalInfo.channels().size() == channels) {
            String label = signalInfo.channels().get(channel).label();
            if (label != null && !label.isBlank()) {
                return label;
            }
        }
        return "ch" + (channel + 1);
    }

    /** The grid the heat map draws: the nearest square-ish layout (16×16 for 256 channels, 8×8 for 64). */
    private Map<String, Integer> grid() {
        int columns = (int) Math.ceil(Math.sqrt(channels));
        int rows = (int) Math.ceil(channels / (double) columns);
        return Map.of("rows", rows, "columns", columns);
    }

    private List<ResolvedStream> recorded() {
        List<ResolvedStream> streams = new ArrayList<>();
        streams.add(options.signal());
        if (options.taskMarkers() != null) {
            streams.add(options.taskMarkers());
        }
        streams.add(new ResolvedStream(outlet.info(), LslConfig.LOOPBACK, outlet.dataPort(), outlet.servicePort(),
                110));
        return streams;
    }

    /**
     * Stops the session thread, then closes the recordings (with their footers) and the streams. A model being
     * trained is left to finish in the background; it is written under a .part name first, so it is never truncated.
     */
    @Override
    public void close() throws IOException {
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
        housekeeping.shutdownNow();
        for (QueuedAction left; (left = actions.poll()) != null; ) {
            left.done().completeExceptionally(new IllegalStateException("the session has ended"));
        }
        stopCalibration();
        IOException first = null;
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                first = e;
            }
        }
        signalInlet.close();
        if (markerInlet != null) {
            markerInlet.close();
        }
        outlet.close();
        if (first != null) {
            throw first;
        }
    }
}
