package org.naoyu.speller.session;

import java.io.IOException;
import java.util.Random;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.corpus.TaskMarker;

/**
 * naoyu's own stimulus program: during calibration it presents the trials of a {@link TaskPresentation} as cue, go
 * and rest, and publishes each as a task marker on the {@value TaskPresentation#OUTLET_NAME} outlet the moment it is
 * shown, so a recording has the task as LabRecorder would record it from an external stimulus program, and a
 * participant (or the simulated one, {@code naoyu simulate --follow}) can act on it. Driven by the session thread
 * ({@link #tick}); not thread-safe.
 */
final class TaskPresenter implements AutoCloseable {
    /** Quiet before the first cue, so a participant and recorders that subscribe as calibration starts miss nothing. */
    static final double LEAD_IN_SECONDS = 2;
    /** A step this late (the session thread was held up) times the next from now, not from when it was due. */
    private static final double LATE_SECONDS = 0.1;

    /** What the session hears from the presenter. */
    interface Listener {
        /** A marker was published at {@code time}. */
        void presented(double time, TaskMarker marker);

        /** Every trial of the presentation has been shown. */
        void finished(int trials);
    }

    private enum Step { CUE, GO, REST }

    private final TaskPresentation presentation;
    private final StreamOutlet outlet;
    private final Random random;
    private int next;
    private boolean running;
    private boolean inTrial;
    private Step step;
    private double due;

    private TaskPresenter(TaskPresentation presentation, StreamOutlet outlet) {
        this.presentation = presentation;
        this.outlet = outlet;
        this.random = new Random(presentation.seed());
    }

    /** Opens the outlet, named after the signal it cues ({@code naoyu-task-<signal source id>}). */
    static TaskPresenter open(TaskPresentation presentation, String signalSourceId, LslConfig lsl) throws IOException {
        StreamInfo info = StreamInfo.builder(TaskPresentation.OUTLET_NAME, 1, 0, ChannelFormat.STRING).type("Markers")
                .sourceId(TaskPresentation.sourceId(signalSourceId)).build();
        return new TaskPresenter(presentation, StreamOutlet.open(info, lsl));
    }

    /** The outlet as an inlet on this machine finds it: the session's task stream when no other is given. */
    ResolvedStream stream() {
        return new ResolvedStream(outlet.info(), LslConfig.LOOPBACK, outlet.dataPort(), outlet.servicePort(), 110);
    }

    StreamInfo info() {
        return outlet.info();
    }

    /** Trials shown so far (a trial counts once its cue is shown). */
    int shown() {
        return next;
    }

    int total() {
        return presentation.trials().size();
    }

    /** Where the next trial sits in the participant's plan: what the next session's --plan-from should be. */
    int nextInPlan() {
        return presentation.planFrom() + next;
    }

    String description() {
        return presentation.description();
    }

    boolean running() {
        return running;
    }

    /** Starts (or resumes) presenting at {@code now}: the next trial's cue follows the lead-in. */
    void start(double now) {
        if (next >= total()) {
            return;
        }
        running = true;
        inTrial = false;
        step = Step.CUE;
        due = now + LEAD_IN_SECONDS;
    }

    /** Stops presenting; a trial under way is closed with a rest marker and counts as shown. */
    void stop(double now, Listener listener) {
        if (running && inTrial) {
            publish(now, TaskMarker.of(TaskMarker.Kind.REST), listener);
        }
        running = false;
        inTrial = false;
    }

    /** Publishes whatever has come due by {@code now}, each marker stamped when it goes out. */
    void tick(double now, Listener listener) {
        while (running && now >= due) {
            TaskPresentation.Timing timing = presentation.timing();
            // a held-up session thread does not fire the missed steps in a burst
            due = now - due > LATE_SECONDS ? now : due;
            switch (step) {
                case CUE -> {
                    String syllable = presentation.trials().get(next++);
                    inTrial = true;
                    publish(now, new TaskMarker(TaskMarker.Kind.CUE, syllable), listener);
                    step = Step.GO;
                    due += timing.cueSeconds();
                }
                case GO -> {
                    publish(now, new TaskMarker(TaskMarker.Kind.GO, presentation.trials().get(next - 1)), listener);
                    step = Step.REST;
                    due += timing.attemptSeconds();
                }
                case REST -> {
                    publish(now, TaskMarker.of(TaskMarker.Kind.REST), listener);
                    inTrial = false;
                    step = Step.CUE;
                    // ±20 % so the participant cannot anticipate the next cue, as the simulator's own schedule does
                    due += timing.restSeconds() * (0.8 + 0.4 * random.nextDouble());
                    if (next >= total()) {
                        running = false;
                        listener.finished(total());
                    }
                }
                default -> throw new IllegalStateException("unhandled step " + step);
            }
        }
    }

    private void publish(double now, TaskMarker marker, Listener listener) {
        outlet.push(Chunk.ofStrings(1, new double[] {now}, new String[] {marker.format()}));
        listener.presented(now, marker);
    }

    @Override
    public void close() {
        outlet.close();
    }
}
