package org.naoyu.speller.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.session.event.SessionEvent;
import org.naoyu.speller.training.ModelTraining;

/**
 * A live speller session: the ECoG stream (and, when given, the task's marker stream) in over LSL, the speller
 * pipeline on its own thread, the {@code naoyu-speller} marker outlet, optional XDF recording, and the task flow of a
 * clinical session (calibration → training → free spelling / cued sentences). This class wires the stages:
 * {@link InputLoop} (the inlets, the settling hold-back and its replay), {@link PhaseMachine} (phases and operator
 * actions), {@link Decoding} (model, pipeline, bad channels), {@link CalibrationTraining}, {@link Recordings},
 * {@link EventPublisher} with {@link PipelineEvents} (the events) and {@link StatusBoard} (the operator's status).
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
    /** The outlet's stream name, for LabRecorder or {@code naoyu record}. */
    public static final String OUTLET_NAME = "naoyu-speller";

    /** Signal held back at the start to find bad channels before filtering. */
    public static final double SETTLE_SECONDS = 2.5;

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
        void event(SessionEvent event);

        /**
         * An event with the {@link System#nanoTime()} at which the block behind it was received (0 when none), so an
         * observer that delivers it can time the whole path; by default the same as {@link #event}.
         */
        default void event(SessionEvent event, long receivedNanos) {
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
     * @param presentation what the session presents itself during calibration on {@code naoyu-task}, or null when
     *                     an external stimulus program does; without {@code taskMarkers}, {@code naoyu-task} is then
     *                     the task stream
     */
    public record Options(ResolvedStream signal, ResolvedStream taskMarkers, LslConfig lsl, Path workDir,
            Path recordFile, Map<String, String> headerFields, ModelTraining training,
            SpellerPipeline.CommandSyllables commands, Phase startPhase, TaskPresentation presentation) {
        public Options {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(lsl, "lsl");
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(startPhase, "startPhase");
            headerFields = Map.copyOf(headerFields);
        }

        /** Options for a session whose task, if any, comes from an external stimulus program. */
        public Options(ResolvedStream signal, ResolvedStream taskMarkers, LslConfig lsl, Path workDir,
                Path recordFile, Map<String, String> headerFields, ModelTraining training,
                SpellerPipeline.CommandSyllables commands, Phase startPhase) {
            this(signal, taskMarkers, lsl, workDir, recordFile, headerFields, training, commands, startPhase, null);
        }

        /** Whether a task stream will label the trials: an external one, or the session's own presentation. */
        boolean hasTask() {
            return taskMarkers != null || presentation != null;
        }
    }

    private final LatencyStats latency = new LatencyStats();
    private final SessionLog log = new SessionLog(this::broadcast);
    private final EventPublisher publisher;
    private final InputLoop input;
    private final Decoding decoding;
    private final StreamOutlet outlet;
    private final Recordings recordings;
    private final PhaseMachine phases;
    private final StatusBoard status;
    private final TaskPresenter presenter;

    private OnlineSession(Options options, ModelFile.Loaded model, SentenceDecoder language) throws IOException {
        Files.createDirectories(options.workDir());
        this.publisher = new EventPublisher(this::phase, this::cue);
        // both inlets on this machine's clock: markers from a stimulus PC line up with an amplifier's samples
        StreamInlet.Options synced = StreamInlet.Options.defaults().withProcessing(EnumSet.of(
                StreamInlet.Processing.CLOCK_SYNC, StreamInlet.Processing.MONOTONIC));
        StreamInlet signal = StreamInlet.open(options.signal(), options.lsl(), synced);
        StreamInlet markers = null;
        StreamOutlet speller = null;
        TaskPresenter presenter = null;
        try {
            StreamInfo info = signal.info();
            InputLoop.checkSignal(info);
            this.decoding = new Decoding(info, language, latency, log, new PipelineEvents(publisher, latency, log));
            if (model != null) {
                decoding.checkFits(model);
                decoding.use(model, "loaded");
            }
            if (options.presentation() != null) {
                presenter = TaskPresenter.open(options.presentation(), info.sourceId(), options.lsl());
            }
            ResolvedStream task = options.taskMarkers() != null ? options.taskMarkers()
                    : presenter != null ? presenter.stream() : null;
            markers = task == null ? null : StreamInlet.open(task, options.lsl(), synced);
            this.input = new InputLoop(signal, markers, log);
            speller = StreamOutlet.open(StreamInfo.builder(OUTLET_NAME, 1, 0, ChannelFormat.STRING)
                    .type("Markers").sourceId("naoyu-speller-" + info.sourceId()).build(), options.lsl());
            this.outlet = speller;
            publisher.publishTo(speller);
            // the presented task is recorded beside an external task stream (a participant's own markers)
            this.recordings = Recordings.start(options, speller, task,
                    presenter != null && options.taskMarkers() != null ? presenter.stream() : null, log);
        } catch (IOException | RuntimeException e) {
            // nothing may stay open when the session cannot start
            signal.close();
            if (markers != null) {
                markers.close();
            }
            if (speller != null) {
                speller.close();
            }
            if (presenter != null) {
                presenter.close();
            }
            throw e;
        }
        this.presenter = presenter;
        this.phases = new PhaseMachine(options.commands(), decoding, publisher, recordings,
                new CalibrationTraining(options.workDir(), options.training(), log), input, presenter, log);
        this.status = new StatusBoard(input, decoding, phases, recordings, latency, log);
    }

    /**
     * Checks the start phase against the model and streams before anything opens, opens the streams, starts the
     * session thread and enters {@link Options#startPhase()}.
     *
     * @param model the model to spell with, or null (calibrate and train first)
     */
    public static OnlineSession start(Options options, ModelFile.Loaded model, SentenceDecoder language)
            throws IOException {
        PhaseMachine.checkPhase(options.startPhase(), model, options.hasTask(), Phase.WATCHING);
        if (options.commands() != null && model != null) {
            PhaseMachine.checkCommands(options.commands(), model);
        }
        OnlineSession session = new OnlineSession(options, model, language);
        try {
            StreamInfo info = session.signalInfo();
            Path recording = session.recordings.sessionFile();
            session.log.add("session started: " + info.name() + ", " + info.channelCount() + " channels at "
                    + info.nominalRateHz() + " Hz" + (session.input.markerInlet() == null ? ", no task stream"
                    : ", task stream " + session.input.markerInlet().info().name()) + ", model "
                    + session.decoding.description() + (recording == null ? ""
                    : ", recording to " + recording.getFileName()));
            session.phases.enter(options.startPhase()); // before the thread starts: safe to run here
            session.status.start();
            session.input.start(new SessionStages(session.phases, session.decoding, session.status, session.input,
                    session.log));
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void broadcast(SessionEvent event) {
        publisher.broadcast(event, 0);
    }

    public void addObserver(Observer observer) {
        publisher.addObserver(observer);
    }

    public LatencyStats latency() {
        return latency;
    }

    public StreamInfo signalInfo() {
        return input.signalInlet().info();
    }

    public Phase phase() {
        return phases.phase();
    }

    private String cue() {
        return phases.cue();
    }

    /** The participant's screen now: phase, cue, sentence, candidates. */
    public ParticipantState participantState() {
        return publisher.participant();
    }

    /** The finished sentences so far, oldest first. */
    public List<SessionEvent.Sentence> sentences() {
        return publisher.sentences();
    }

    /** The error that stopped the session thread, or null while it runs. */
    public Throwable failure() {
        return input.failure();
    }

    /** What the operator sees: stream status, channel maps, traces, task, recording, latency, the log. */
    public OperatorStatus operatorStatus() {
        return status.status();
    }

    // ---- operator actions: queued, run by the session thread; the future fails with the reason if refused ----

    /** Drops the last decoded syllable of the sentence being spelled. */
    public CompletableFuture<Object> undo() {
        return phases.undo();
    }

    /** Ends the sentence being spelled and keeps it. */
    public CompletableFuture<Object> commit() {
        return phases.commit();
    }

    /** Forgets the sentence being spelled. */
    public CompletableFuture<Object> clear() {
        return phases.clear();
    }

    /** Marks a channel bad (it leaves the common average) or good again. */
    public CompletableFuture<Object> setBad(int channel, boolean bad) {
        int channels = signalInfo().channelCount();
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel must be in [0, " + (channels - 1) + "], got " + channel);
        }
        return phases.setBad(channel, bad);
    }

    /** Moves the session to another phase; refuses phases the model or the streams cannot support. */
    public CompletableFuture<Object> setPhase(Phase next) {
        return phases.setPhase(next);
    }

    /** Stops the calibration recording and trains a model on it in the background, then loads it. */
    public CompletableFuture<Object> train() {
        return phases.train();
    }

    /**
     * Stops the session thread, then closes the recordings (with their footers) and the streams. A model being
     * trained is left to finish in the background; it is written under a .part name first, so it is never truncated.
     */
    @Override
    public void close() throws IOException {
        input.stop();
        status.stop();
        phases.refusePending();
        IOException first = null;
        try {
            recordings.close();
        } catch (IOException e) {
            first = e;
        }
        input.close();
        outlet.close();
        if (presenter != null) {
            presenter.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
