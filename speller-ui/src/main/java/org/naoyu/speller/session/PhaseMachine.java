package org.naoyu.speller.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.session.OnlineSession.Phase;
import org.naoyu.speller.session.event.SessionEvent;

/**
 * The task flow of a clinical session: the phase, the cue on the participant's screen, and the operator actions that
 * move between phases or edit the sentence. Actions arrive from any thread and are queued; the session thread runs
 * them between blocks ({@link #runActions()}), and each one's future fails with the reason when it is refused.
 */
final class PhaseMachine {
    private record QueuedAction(Callable<Object> body, CompletableFuture<Object> done) {
    }

    private final SpellerPipeline.CommandSyllables commands;
    private final Decoding decoding;
    private final EventPublisher publisher;
    private final Recordings recordings;
    private final CalibrationTraining training;
    private final InputLoop input;
    private final SessionLog log;
    private final TaskPresenter presenter;
    private final TaskPresenter.Listener presented;
    private final ConcurrentLinkedQueue<QueuedAction> actions = new ConcurrentLinkedQueue<>();

    private volatile Phase phase = Phase.WATCHING;
    private String cue = ""; // session thread

    /**
     * @param commands  decoded command syllables in free spelling, or null
     * @param presenter the session's own task presentation for calibration, or null when a stimulus program cues
     */
    PhaseMachine(SpellerPipeline.CommandSyllables commands, Decoding decoding, EventPublisher publisher,
            Recordings recordings, CalibrationTraining training, InputLoop input, TaskPresenter presenter,
            SessionLog log) {
        this.commands = commands;
        this.decoding = decoding;
        this.publisher = publisher;
        this.recordings = recordings;
        this.training = training;
        this.input = input;
        this.presenter = presenter;
        this.log = log;
        this.presented = new TaskPresenter.Listener() {
            @Override
            public void presented(double time, org.naoyu.datasets.corpus.TaskMarker marker) {
                // shown when it comes back on the task stream, like an external stimulus program's cue
            }

            @Override
            public void finished(int trials) {
                log.add("calibration: all " + trials + " presented trials shown (" + presenter.description()
                        + "; the next session goes on with --plan-from " + presenter.nextInPlan() + "); train now");
            }
        };
    }

    /** Presents what is due of the session's own task (session thread, between blocks). */
    void presentTask() {
        if (presenter != null && phase == Phase.CALIBRATION) {
            presenter.tick(LocalClock.now(), presented);
        }
    }

    Phase phase() {
        return phase;
    }

    String cue() {
        return cue;
    }

    // ---- operator actions ----

    CompletableFuture<Object> undo() {
        return submit(() -> {
            requireSpelling("undo");
            decoding.undo();
            log.add("undo");
            return null;
        });
    }

    CompletableFuture<Object> commit() {
        return submit(() -> {
            requireSpelling("commit");
            decoding.commit(input.lastSampleTime());
            log.add("commit");
            return null;
        });
    }

    CompletableFuture<Object> clear() {
        return submit(() -> {
            requireSpelling("clear");
            decoding.clear();
            log.add("sentence cleared");
            return null;
        });
    }

    CompletableFuture<Object> setBad(int channel, boolean bad) {
        return submit(() -> {
            decoding.changeBad(channel, bad, "");
            return null;
        });
    }

    CompletableFuture<Object> setPhase(Phase next) {
        return submit(() -> {
            checkPhase(next, decoding.model(), input.taskStreamLive(), phase);
            enter(next);
            return null;
        });
    }

    CompletableFuture<Object> train() {
        return submit(() -> {
            if (phase != Phase.CALIBRATION || !recordings.calibrating()) {
                throw new IllegalStateException("train needs a calibration first: start calibration, let the cues "
                        + "run, then train");
            }
            startTraining();
            return null;
        });
    }

    private CompletableFuture<Object> submit(Callable<Object> body) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        if (!input.running()) {
            done.completeExceptionally(new IllegalStateException("the session has ended"));
            return done;
        }
        actions.add(new QueuedAction(body, done));
        return done;
    }

    /** Runs the queued actions (session thread). */
    void runActions() {
        QueuedAction action;
        while ((action = actions.poll()) != null) {
            try {
                action.done().complete(action.body().call());
            } catch (Exception | Error e) { // a refused action must never end the session
                action.done().completeExceptionally(e);
            }
        }
    }

    /** Fails the actions still queued when the session ends. */
    void refusePending() {
        for (QueuedAction left; (left = actions.poll()) != null; ) {
            left.done().completeExceptionally(new IllegalStateException("the session has ended"));
        }
    }

    private void requireSpelling(String what) {
        if (!decoding.hasPipeline() || (phase != Phase.FREE_SPELLING && phase != Phase.CUED_SENTENCES)) {
            throw new IllegalStateException(what + " works while spelling (free spelling or cued sentences), not in "
                    + phase.id());
        }
    }

    /** Refuses a phase the model, the streams or the current phase cannot support, saying why. */
    static void checkPhase(Phase next, ModelFile.Loaded model, boolean taskStream, Phase current) {
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

    /** Refuses command syllables the model does not decode. */
    static void checkCommands(SpellerPipeline.CommandSyllables commands, ModelFile.Loaded model) {
        for (String syllable : new String[] {commands.commit(), commands.undo()}) {
            List<String> outputs = model.model().outputs().stream().map(TonedSyllable::toned).toList();
            if (syllable != null && !outputs.contains(syllable)) {
                throw new IllegalArgumentException("command syllable '" + syllable + "' is not one the model "
                        + "decodes; it decodes " + (outputs.size() <= 40 ? outputs : outputs.size() + " syllables, "
                        + "those it trained on: " + model.provenance().inventory()));
            }
        }
    }

    // ---- transitions (session thread, or before it starts) ----

    /** Enters a phase: closes a calibration left open, resets the cue and the sentence, tells everyone. */
    void enter(Phase next) {
        if (recordings.calibrating()) {
            recordings.stopCalibration(); // leaving calibration, or starting it again after a false start
        }
        stopPresenting();
        phase = next;
        cue = "";
        decoding.phaseChanged(next, commands);
        if (next == Phase.CALIBRATION && input.running()) {
            recordings.startCalibration();
        }
        if (next == Phase.CALIBRATION && presenter != null) {
            presenter.start(LocalClock.now());
            log.add(presenter.running() ? "calibration: presenting trial " + (presenter.shown() + 1) + " of "
                    + presenter.total() + " (" + presenter.description() + ") on " + TaskPresentation.OUTLET_NAME
                    + " after a "
                    + (int) TaskPresenter.LEAD_IN_SECONDS + "-s lead-in" : "calibration: every presented trial "
                    + "has been shown (" + presenter.total() + "); train, or restart naoyu run to present more");
        }
        publisher.emit(new SessionEvent.Phase(next.id()), LocalClock.now());
        log.add("phase: " + next.id());
    }

    private void stopPresenting() {
        if (presenter != null && presenter.running()) {
            presenter.stop(LocalClock.now(), presented);
            log.add("calibration: presentation paused after trial " + presenter.shown() + " of " + presenter.total()
                    + " (the next session goes on with --plan-from " + presenter.nextInPlan() + ")");
        }
    }

    private void startTraining() {
        stopPresenting();
        Path data = recordings.stopCalibration();
        phase = Phase.TRAINING;
        publisher.emit(new SessionEvent.Phase(Phase.TRAINING.id()), LocalClock.now());
        training.start(data, new CalibrationTraining.Outcome() {
            @Override
            public CompletableFuture<Object> use(ModelFile.Loaded trained) {
                return submit(() -> {
                    decoding.checkFits(trained);
                    decoding.use(trained, "trained on " + data.getFileName());
                    decoding.build();
                    phase = Phase.WATCHING; // training is over: any phase may follow
                    enter(SpellerPipeline.canSpellSelfPaced(trained) ? Phase.FREE_SPELLING
                            : input.taskStreamLive() ? Phase.CUED_SENTENCES : Phase.WATCHING);
                    return null;
                });
            }

            @Override
            public void giveUp() {
                submit(() -> {
                    phase = Phase.WATCHING;
                    enter(Phase.WATCHING);
                    return null;
                });
            }
        });
    }

    // ---- the task's markers ----

    /** Shows the task's cues to the participant as they arrive (calibration and cued sentences). */
    void markerArrived(double time, String label) {
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
            publisher.emit(new SessionEvent.Cue(event.kind(), cue), time);
        } else if (phase == Phase.CALIBRATION && (event.kind().equals("go") || event.kind().equals("rest"))) {
            // the participant sees when to speak and when to rest, not only what
            cue = event.kind().equals("go") ? event.label() : "";
            publisher.emit(new SessionEvent.Cue(event.kind(), cue), time);
        }
    }

    /** Cued sentences: the pipeline takes the task's markers (cues, onsets, sentence ends) in time order. */
    void markerDue(double time, String label) {
        if (phase == Phase.CUED_SENTENCES) {
            decoding.marker(time, label);
        }
    }

    private static String sentenceText(String label) {
        int bar = label.indexOf('|');
        return bar < 0 ? label : label.substring(0, bar);
    }
}
