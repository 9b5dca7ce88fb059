package org.naoyu.speller.session;

import org.naoyu.dsp.ChannelQuality;

/**
 * What the session thread does with its input: the phase machine's queued actions and cues, the channel check that
 * ends the settling, and the pipeline's blocks and markers.
 */
final class SessionStages implements InputLoop.Stages {
    private final PhaseMachine phases;
    private final Decoding decoding;
    private final StatusBoard status;
    private final InputLoop input;
    private final SessionLog log;

    SessionStages(PhaseMachine phases, Decoding decoding, StatusBoard status, InputLoop input, SessionLog log) {
        this.phases = phases;
        this.decoding = decoding;
        this.status = status;
        this.input = input;
        this.log = log;
    }

    @Override
    public void betweenBlocks() {
        phases.runActions();
        phases.presentTask();
    }

    @Override
    public void markerArrived(double time, String label) {
        phases.markerArrived(time, label);
    }

    /** Channels that look bad in the held-back signal leave the common average before the first sample is filtered. */
    @Override
    public void settled() {
        try {
            for (ChannelQuality c : status.assess(input.ring().available())) {
                if (c.isBad()) {
                    try {
                        decoding.changeBad(c.channel(), true, " (" + String.join(", ", c.problems()) + ")");
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        log.add("channel " + ChannelLabels.of(input.signalInlet().info(), c.channel())
                                + " looks bad but stays: " + e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.add("channel quality could not be assessed at the start: " + e.getMessage());
        }
        if (decoding.model() != null) {
            decoding.build();
        }
    }

    @Override
    public void markerDue(double time, String label) {
        phases.markerDue(time, label);
    }

    @Override
    public void block(double[] block, int n, double firstTimestamp, long receivedNanos, boolean replayed) {
        decoding.process(block, n, firstTimestamp, receivedNanos, replayed);
    }
}
