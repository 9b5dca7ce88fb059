package org.naoyu.speller.session;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
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
import org.naoyu.speller.ModelTraining;
import org.naoyu.speller.SignalSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live speller session: the ECoG stream (and, when given, the task's marker stream) in over LSL, the speller
 * pipeline on its own thread, the {@code naoyu-speller} marker outlet, optional XDF recording, and the task flow of a
 * clinical session (calibration → training → free spelling / cued sentences). Everything the participant and the
 * operator see leaves as events to the {@link Observer}s; operator actions enter through a queue that the session
 * thread drains, so the pipeline is only ever touched by one thread.
 */
public final class OnlineSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);

    /** The outlet's stream name, for LabRecorder or {@code naoyu record}. */
    public static final String OUTLET_NAME = "naoyu-speller";

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
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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

    /** Receives every event of the session (participant-facing and log), on the session's threads. */
    @FunctionalInterface
    public interface Observer {
        void event(Map<String, Object> event);
    }

    /**
     * @param taskMarkers the task's marker stream (cues, onsets, sentences), or null when there is none
     * @param workDir     where calibration recordings and trained models go
     * @param recordFile  the session's XDF recording (signal, task markers, naoyu-speller), or null for none
     * @param headerFields session metadata for the recording's header (pseudonym, task, …)
     * @param training    how a model is trained from calibration
     * @param commands    decoded command syllables in free spelling, or null
     */
    public record Options(ResolvedStream signal, ResolvedStream taskMarkers, LslConfig lsl, Path workDir,
            Path recordFile, Map<String, String> headerFields, ModelTraining training,
            SpellerPipeline.CommandSyllables commands, Phase startPhase) {
        public Options {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(lsl, "lsl");
            Objects.requireNonNull(workDir, "workDir");
            headerFields = Map.copyOf(headerFields);
        }
    }

    private final Options options;
    private final SentenceDecoder language;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> actions = new ConcurrentLinkedQueue<>();
    private final LatencyStats latency = new LatencyStats();
    private final StreamInlet signalInlet;
    private final StreamInlet markerInlet;
    private final StreamOutlet outlet;
    private final StreamInfo signalInfo;
    private final int channels;
    private final SignalRing ring;
    private final ScheduledExecutorService housekeeping;
    private final Thread thread;
    private final Deque<String> log = new ArrayDeque<>();
    private final TreeSet<Integer> badChannels = new TreeSet<>();
    private final double[] highGamma;
    private final SessionRecorder recorder;
    private volatile boolean running = true;
    private volatile Phase phase = Phase.WATCHING;
    private volatile SpellerPipeline pipeline;
    private volatile ModelFile.Loaded model;
    private volatile String modelDescription = "none";
    private volatile List<ChannelQuality> quality = List.of();
    private volatile double timeCorrection = Double.NaN;
    private volatile Map<String, Object> participant = Map.of();
    private volatile SessionRecorder calibration;
    private volatile Throwable failure;
    private final List<Map<String, Object>> sentences = new CopyOnWriteArrayList<>();
    private long samplesReceived;
    private double firstLocal = Double.NaN;
    private double lastSampleTime = Double.NaN;
    private final Deque<double[]> rateWindow = new ArrayDeque<>();
    private long blockReceivedNanos;
    private List<String> currentBest = List.of();
    private String committedText = "";
    private String cue = "";
    private int calibrationRuns;

    private OnlineSession(Options options, ModelFile.Loaded model, SentenceDecoder language) throws IOException {
        this.options = options;
        this.language = language;
        Files.createDirectories(options.workDir());
        this.signalInlet = StreamInlet.open(options.signal(), options.lsl(), StreamInlet.Options.defaults());
        this.signalInfo = signalInlet.info();
        if (signalInfo.format() == ChannelFormat.STRING) {
            signalInlet.close();
            throw new IllegalArgumentException("stream '" + signalInfo.name() + "' carries strings (a marker stream); "
                    + "the session needs the ECoG signal stream");
        }
        if (signalInfo.nominalRateHz() <= 0) {
            signalInlet.close();
            throw new IllegalArgumentException("stream '" + signalInfo.name() + "' has an irregular rate; the session "
                    + "needs a regularly sampled signal");
        }
        this.channels = signalInfo.channelCount();
        this.ring = new SignalRing(channels, (int) Math.ceil(5 * signalInfo.nominalRateHz()));
        this.highGamma = new double[channels];
        StreamInlet markers = null;
        StreamOutlet speller = null;
        try {
            if (model != null) {
                use(model, "loaded");
            }
            markers = options.taskMarkers() == null ? null
                    : StreamInlet.open(options.taskMarkers(), options.lsl(), StreamInlet.Options.defaults());
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
     * Opens the streams, loads the model into the pipeline (null: none yet, calibrate and train first), starts the
     * session thread and enters {@link Options#startPhase()}.
     */
    public static OnlineSession start(Options options, ModelFile.Loaded model, SentenceDecoder language)
            throws IOException {
        OnlineSession session = new OnlineSession(options, model, language);
        session.log("session started: " + session.signalInfo.name() + ", " + session.channels + " channels at "
                + session.signalInfo.nominalRateHz() + " Hz" + (session.markerInlet == null ? ", no task stream"
                : ", task stream " + session.markerInlet.info().name()) + ", model " + session.modelDescription
                + (session.recorder == null ? "" : ", recording to " + session.recorder.path().getFileName()));
        session.checkPhase(options.startPhase());
        session.enter(options.startPhase()); // before the thread starts: safe to run here
        session.housekeeping.scheduleWithFixedDelay(session::housekeep, 500, 1000, TimeUnit.MILLISECONDS);
        session.thread.start();
        return session;
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

    public StreamInfo outletInfo() {
        return outlet.info();
    }

    public Phase phase() {
        return phase;
    }

    /** The participant's screen now: phase, cue, sentence, candidates, the finished sentences. */
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

    // ---- operator actions: queued, run by the session thread ----

    /** Drops the last decoded syllable of the sentence being spelled. */
    public void undo() {
        actions.add(() -> {
            if (pipeline != null) {
                pipeline.undo();
                log("undo");
            }
        });
    }

    /** Ends the sentence being spelled and keeps it. */
    public void commit() {
        actions.add(() -> {
            if (pipeline != null) {
                pipeline.commit(lastSampleTime);
                log("commit");
            }
        });
    }

    /** Forgets the sentence being spelled. */
    public void clear() {
        actions.add(() -> {
            if (pipeline != null) {
                pipeline.clear();
            }
            log("sentence cleared");
        });
    }

    /** Marks a channel bad (it leaves the common average) or good again. */
    public void setBad(int channel, boolean bad) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel must be in [0, " + (channels - 1) + "], got " + channel);
        }
        actions.add(() -> {
            boolean changed = bad ? badChannels.add(channel) : badChannels.remove(channel);
            if (changed) {
                if (pipeline != null) {
                    pipeline.setBadChannels(List.copyOf(badChannels));
                }
                log("channel " + signalLabel(channel) + (bad ? " marked bad: left out of the common average"
                        : " marked good again"));
            }
        });
    }

    /** Moves the session to another phase; refuses phases the model or the streams cannot support. */
    public void setPhase(Phase next) {
        checkPhase(next);
        actions.add(() -> enter(next));
    }

    private void checkPhase(Phase next) {
        switch (next) {
            case TRAINING -> throw new IllegalArgumentException("training starts with train(), after calibration");
            case CALIBRATION, CUED_SENTENCES -> {
                if (markerInlet == null) {
                    throw new IllegalArgumentException(next.id() + " needs the task's marker stream (--markers "
                            + "QUERY): its cues and speech onsets label the trials");
                }
            }
            default -> {
            }
        }
        if ((next == Phase.FREE_SPELLING || next == Phase.CUED_SENTENCES) && pipeline == null) {
            throw new IllegalStateException(next.id() + " needs a model: load one with --model, or calibrate and "
                    + "train first");
        }
        if (next == Phase.FREE_SPELLING && !pipeline.canSpellSelfPaced()) {
            throw new IllegalStateException("free spelling needs a model with a speech-onset detector and windows "
                    + "locked to speech_onset; this model has none: train with the onset detector");
        }
        if (phase == Phase.TRAINING) {
            throw new IllegalStateException("a model is being trained; wait for it to finish");
        }
    }

    /** Stops the calibration recording and trains a model on it in the background, then loads it. */
    public void train() {
        if (phase != Phase.CALIBRATION || calibration == null) {
            throw new IllegalStateException("train needs a calibration first: start calibration, let the cues run, "
                    + "then train");
        }
        actions.add(this::startTraining);
    }

    // ---- the session thread ----

    private void loop() {
        double[] block = new double[0];
        try {
            while (running) {
                Runnable action;
                while ((action = actions.poll()) != null) {
                    action.run();
                }
                Chunk chunk = signalInlet.pullChunk(Math.max(1, (int) (signalInfo.nominalRateHz() / 20)),
                        Duration.ofMillis(20));
                blockReceivedNanos = System.nanoTime();
                List<double[]> times = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                pullMarkers(times, labels);
                int n = chunk.sampleCount();
                double last = n == 0 ? Double.POSITIVE_INFINITY : chunk.timestamps()[n - 1];
                for (int i = 0; i < labels.size(); i++) {
                    if (times.get(i)[0] <= last) {
                        taskMarker(times.get(i)[0], labels.get(i));
                    } else {
                        pendingMarkers.add(new Object[] {times.get(i)[0], labels.get(i)});
                    }
                }
                if (n == 0) {
                    continue;
                }
                if (block.length < n * channels) {
                    block = new double[n * channels];
                }
                chunk.copyTo(block, 0);
                ring.append(block, n);
                countRate(n);
                lastSampleTime = last;
                SpellerPipeline p = pipeline;
                if (p != null) {
                    p.samples(block, n, chunk.timestamps()[0]);
                    p.highGamma(highGamma);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the session stopped: {}", e.toString(), e);
            log("ERROR: the session stopped: " + e);
        }
    }

    private final List<Object[]> pendingMarkers = new ArrayList<>();

    /** Markers received so far, the ones held back from an earlier block first. */
    private void pullMarkers(List<double[]> times, List<String> labels) {
        for (Object[] held : pendingMarkers) {
            times.add(new double[] {(double) held[0]});
            labels.add((String) held[1]);
        }
        pendingMarkers.clear();
        if (markerInlet == null) {
            return;
        }
        Chunk markers = markerInlet.pullChunk(256, Duration.ZERO);
        for (int i = 0; i < markers.sampleCount(); i++) {
            times.add(new double[] {markers.timestamps()[i]});
            labels.add(markers.valueAsString(i, 0));
        }
    }

    private void taskMarker(double time, String label) {
        TaskEvent event;
        try {
            event = TaskEvent.parse(time, label);
        } catch (IllegalArgumentException e) {
            log("task marker not understood, ignored: '" + label + "' (" + e.getMessage() + ")");
            return;
        }
        boolean showCues = phase == Phase.CALIBRATION || phase == Phase.CUED_SENTENCES;
        if (showCues && (event.kind().equals("cue") || event.kind().equals("sentence_start"))) {
            cue = event.kind().equals("cue") ? event.label() : sentenceText(event.label());
            Map<String, Object> e = event("cue");
            e.put("kind", event.kind());
            e.put("text", cue);
            emit(e, time);
        }
        if (phase == Phase.CUED_SENTENCES && pipeline != null) {
            pipeline.marker(time, label);
        }
    }

    private static String sentenceText(String label) {
        int bar = label.indexOf('|');
        return bar < 0 ? label : label.substring(0, bar);
    }

    private void enter(Phase next) {
        if (phase == Phase.CALIBRATION && next != Phase.CALIBRATION) {
            stopCalibration();
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
        log("phase: " + next.id());
    }

    private void startCalibration() {
        calibrationRuns++;
        Path file = options.workDir().resolve("calibration-" + calibrationRuns + ".xdf");
        while (Files.exists(file)) {
            calibrationRuns++;
            file = options.workDir().resolve("calibration-" + calibrationRuns + ".xdf");
        }
        try {
            List<ResolvedStream> streams = List.of(options.signal(), options.taskMarkers());
            Map<String, String> header = new LinkedHashMap<>(options.headerFields());
            header.put("task", "calibration");
            calibration = SessionRecorder.start(streams, options.lsl(), file, header, Duration.ofSeconds(5));
            log("calibration: recording " + file.getFileName());
        } catch (IOException e) {
            log("ERROR: calibration recording could not start: " + e.getMessage());
        }
    }

    private Path stopCalibration() {
        SessionRecorder recording = calibration;
        calibration = null;
        if (recording == null) {
            return null;
        }
        try {
            recording.close();
            log("calibration: " + recording.path().getFileName() + " closed");
        } catch (IOException e) {
            log("ERROR: closing the calibration recording: " + e.getMessage());
        }
        return recording.path();
    }

    private void startTraining() {
        Path data = stopCalibration();
        if (data == null) {
            return;
        }
        phase = Phase.TRAINING;
        Map<String, Object> e = event("phase");
        e.put("phase", Phase.TRAINING.id());
        emit(e, LocalClock.now());
        Path out = options.workDir().resolve(data.getFileName().toString().replace(".xdf", "-model.zip"));
        Thread trainer = new Thread(() -> {
            StringWriter text = new StringWriter();
            try (PrintWriter printer = new PrintWriter(new LineLog(text), true)) {
                log("training on " + data.getFileName() + " …");
                options.training().train(List.of(data), out, printer);
                ModelFile.Loaded trained = ModelFile.load(out);
                actions.add(() -> {
                    use(trained, "trained on " + data.getFileName());
                    phase = Phase.WATCHING;
                    enter(pipeline.canSpellSelfPaced() ? Phase.FREE_SPELLING : Phase.CUED_SENTENCES);
                });
            } catch (Exception | Error failed) {
                log("ERROR: training failed: " + failed.getMessage());
                actions.add(() -> {
                    phase = Phase.WATCHING;
                    enter(Phase.WATCHING);
                });
            }
        }, "naoyu-session-training");
        trainer.setDaemon(true);
        trainer.start();
    }

    /** Passes the trainer's printed lines to the session log. */
    private final class LineLog extends java.io.Writer {
        private final StringWriter text;

        LineLog(StringWriter text) {
            this.text = text;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    log(text.toString().strip());
                    text.getBuffer().setLength(0);
                } else {
                    text.write(buffer[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private void use(ModelFile.Loaded loaded, String how) {
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
        SpellerPipeline next = new SpellerPipeline(loaded, channels, List.copyOf(badChannels), language,
                new PipelineEvents(), latency);
        this.model = loaded;
        this.pipeline = next;
        this.modelDescription = loaded.provenance().kind().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + loaded.provenance().inventory().size() + " toned syllables, " + how;
        log("model: " + modelDescription);
    }

    /** The pipeline's decodes become participant events, outlet markers and latency records. */
    private final class PipelineEvents implements SpellerPipeline.Listener {
        @Override
        public void attempt(SpellerPipeline.Attempt attempt) {
            Map<String, Object> e = event("attempt");
            e.put("onset", attempt.onsetSeconds());
            e.put("trigger", attempt.trigger().name().toLowerCase(java.util.Locale.ROOT));
            e.put("cue", attempt.cue());
            List<Map<String, Object>> syllables = new ArrayList<>();
            for (Posteriors.Scored s : attempt.syllables()) {
                syllables.add(Map.of("syllable", s.syllable().toned(), "p", round(s.probability())));
            }
            e.put("syllables", syllables);
            List<String> texts = attempt.sentence().stream().map(SentenceDecoder.Hypothesis::text).toList();
            e.put("candidates", texts);
            e.put("command", attempt.command().name().toLowerCase(java.util.Locale.ROOT));
            currentBest = texts;
            emit(e, attempt.onsetSeconds() + correction());
            latency.record(LatencyStats.Stage.END_TO_END, System.nanoTime() - blockReceivedNanos);
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
            committedText = sentence.text();
            sentences.add(Map.copyOf(e));
            emit(e, sentence.timeSeconds() + correction());
            log("sentence: " + (sentence.text().isEmpty() ? "(nothing decoded)" : sentence.text())
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

    private double correction() {
        double c = timeCorrection;
        return Double.isFinite(c) ? c : 0;
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
        String json = Events.json(event);
        try {
            outlet.push(Chunk.ofStrings(1, new double[] {timestamp}, new String[] {json}));
        } catch (RuntimeException e) {
            LOG.warn("naoyu-speller outlet: {}", e.toString());
        }
        updateParticipant();
        for (Observer o : observers) {
            try {
                o.event(event);
            } catch (RuntimeException e) {
                LOG.warn("an observer failed: {}", e.toString());
            }
        }
    }

    private void updateParticipant() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phase", phase.id());
        p.put("cue", cue);
        p.put("candidates", currentBest);
        p.put("last", committedText);
        p.put("sentences", sentences.size());
        participant = p;
    }

    // ---- operator status ----

    private void countRate(int n) {
        double now = LocalClock.now();
        if (Double.isNaN(firstLocal)) {
            firstLocal = now;
        }
        samplesReceived += n;
        synchronized (rateWindow) {
            rateWindow.addLast(new double[] {now, n});
            while (rateWindow.size() > 1 && now - rateWindow.peekFirst()[0] > 5) {
                rateWindow.removeFirst();
            }
        }
    }

    private double effectiveRate() {
        synchronized (rateWindow) {
            if (rateWindow.size() < 2) {
                return Double.NaN;
            }
            double span = rateWindow.peekLast()[0] - rateWindow.peekFirst()[0];
            double count = 0;
            boolean first = true;
            for (double[] r : rateWindow) {
                count += first ? 0 : r[1];
                first = false;
            }
            return span > 0 ? count / span : Double.NaN;
        }
    }

    private void housekeep() {
        try {
            timeCorrection = signalInlet.timeCorrection(Duration.ofMillis(200));
        } catch (TimeoutException e) {
            LOG.debug("no time correction yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.debug("time correction: {}", e.toString());
        }
        int rate = (int) signalInfo.nominalRateHz();
        if (ring.available() >= 4 * rate) {
            try {
                boolean first = quality.isEmpty();
                quality = SignalSteps.quality(ring.last(4 * rate), channels, rate, signalInfo.channels(), lineHz(),
                        QualityThresholds.DEFAULT);
                if (first) {
                    // as training does on its calibration: channels bad from the start leave the common average
                    for (ChannelQuality c : quality) {
                        if (c.isBad()) {
                            log("channel " + signalLabel(c.channel()) + " looks bad (" + String.join(", ",
                                    c.problems()) + "): marking it bad");
                            setBad(c.channel(), true);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("quality: {}", e.toString());
            }
        }
    }

    /** What the operator sees: stream status, channel maps, traces, task, recording, latency, the log. */
    public Map<String, Object> operatorStatus() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("name", signalInfo.name());
        stream.put("channels", channels);
        stream.put("nominalRateHz", signalInfo.nominalRateHz());
        stream.put("effectiveRateHz", effectiveRate());
        stream.put("samples", samplesReceived);
        stream.put("gaps", signalInlet.gaps().size());
        stream.put("droppedSamples", signalInlet.droppedSamples());
        stream.put("connected", signalInlet.isConnected());
        stream.put("timeCorrectionMs", Double.isFinite(timeCorrection) ? timeCorrection * 1000 : null);
        stream.put("taskStream", markerInlet == null ? null : markerInlet.info().name());
        s.put("stream", stream);
        s.put("labels", labels());
        s.put("grid", grid());
        List<ChannelQuality> q = quality;
        List<Object> qualityOut = new ArrayList<>();
        for (ChannelQuality c : q) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rms", round(c.rmsMicrovolts()));
            m.put("bad", c.isBad());
            m.put("problems", c.problems());
            qualityOut.add(m);
        }
        s.put("quality", qualityOut);
        s.put("highGamma", pipeline == null ? List.of() : copyRounded(highGamma));
        s.put("badChannels", List.copyOf(badChannels));
        int bin = Math.max(1, (int) (signalInfo.nominalRateHz() / 100));
        Map<String, Object> traces = new LinkedHashMap<>();
        for (int c : traceChannels()) {
            traces.put(signalLabel(c), copyRounded(ring.trace(c, (int) (4 * signalInfo.nominalRateHz()), bin)));
        }
        s.put("traces", traces);
        s.put("phase", phase.id());
        s.put("model", modelDescription);
        s.put("recording", recorder == null ? null : recorder.path().getFileName().toString());
        s.put("calibrating", calibration == null ? null : calibration.path().getFileName().toString());
        s.put("latency", latency.summaries());
        s.put("speechProbability", pipeline == null ? null : finiteOrNull(pipeline.speechProbability()));
        synchronized (log) {
            s.put("log", List.copyOf(log));
        }
        return s;
    }

    /** The mains frequency the model's notch removes (50 Hz without a model). */
    private double lineHz() {
        ModelFile.Loaded m = model;
        return m == null ? 50 : m.provenance().featureConfig().lineFrequencyHz();
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private int[] traceChannels() {
        int[] out = new int[Math.min(4, channels)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) ((long) i * channels / out.length);
        }
        return out;
    }

    private List<Double> copyRounded(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0.0);
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

    private void log(String line) {
        String stamped = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + line;
        synchronized (log) {
            log.addLast(stamped);
            while (log.size() > 200) {
                log.removeFirst();
            }
        }
        LOG.info(line);
        Map<String, Object> e = event("log");
        e.put("line", stamped);
        for (Observer o : observers) {
            try {
                o.event(e);
            } catch (RuntimeException ex) {
                LOG.warn("an observer failed: {}", ex.toString());
            }
        }
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

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        housekeeping.shutdownNow();
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
