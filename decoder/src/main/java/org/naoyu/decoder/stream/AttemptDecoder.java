package org.naoyu.decoder.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;

/**
 * Streaming inference: feature frames go in one at a time; attempts come from cues (the task knows when the
 * participant spoke) or, in self-paced mode, from the onset detector; as soon as the frames of an attempt's window
 * have arrived its posteriors go to the listener. The decoder keeps a ring of recent frames and allocates only per
 * attempt (its epoch), never per frame.
 */
public final class AttemptDecoder {

    /** Where an attempt came from. */
    public enum Trigger { CUED, DETECTED }

    /**
     * One decoded attempt.
     *
     * @param onsetSeconds  the attempt's onset (the cue's, or the detection minus the detector's lag)
     * @param trigger       cued or detected
     * @param cue           the cued syllable, or empty
     * @param posteriors    the decoder's output
     * @param readySeconds  timestamp of the frame that completed the window
     * @param decodeNanos   time spent decoding it (window assembly and the model), ns
     */
    public record Attempt(double onsetSeconds, Trigger trigger, String cue, Posteriors posteriors, double readySeconds,
            long decodeNanos) {
    }

    /** Receives attempts on the thread that feeds frames. */
    @FunctionalInterface
    public interface Listener {
        void attempt(Attempt attempt);
    }

    private record Pending(double onsetSeconds, Trigger trigger, String cue) {
    }

    private final TrainedModel model;
    private final EpochConfig window;
    private final double frameSeconds;
    private final int width;
    private final int length;
    private final OnsetDetector.Live onset;
    private final double onsetLag;
    private Listener listener;
    private final float[] ring;
    private final double[] ringTimes;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private long frames;
    private boolean selfPaced;

    /**
     * @param onset the onset detector for self-paced mode, or null (then attempts come only from cues)
     */
    public AttemptDecoder(TrainedModel model, EpochConfig window, double frameRateHz, OnsetDetector onset,
            Listener listener) {
        if (!(frameRateHz > 0)) {
            throw new IllegalArgumentException("frameRateHz must be > 0, got " + frameRateHz);
        }
        if (window.baselineSeconds() > 0) {
            throw new IllegalArgumentException("streaming decodes windows without baseline subtraction (the features "
                    + "are z-scored); got a baseline of " + window.baselineSeconds() + " s");
        }
        this.model = model;
        this.window = window;
        this.frameSeconds = 1 / frameRateHz;
        this.width = model.width();
        this.length = (int) Math.round(window.lengthSeconds() * frameRateHz);
        if (length != model.frames()) {
            throw new IllegalArgumentException("a window of " + window.lengthSeconds() + " s at " + frameRateHz
                    + " frames/s is " + length + " frames; the model takes " + model.frames());
        }
        if (onset != null && onset.width() != width) {
            throw new IllegalArgumentException("the onset detector takes " + onset.width() + " values per frame, the "
                    + "model " + width);
        }
        this.onset = onset == null ? null : onset.live();
        this.onsetLag = onset == null ? 0 : onset.rule().lagSeconds();
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        // the window may start before the event (negative start) and a detection arrives a lag after its onset
        double reach = Math.max(0, -window.startSeconds()) + window.lengthSeconds() + Math.max(0, onsetLag) + 1;
        int capacity = (int) Math.ceil(reach * frameRateHz) + 1;
        this.ring = new float[capacity * width];
        this.ringTimes = new double[capacity];
    }

    public Listener listener() {
        return listener;
    }

    /** Where attempts go from now on. */
    public void setListener(Listener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Whether the onset detector starts attempts (self-paced spelling) or only cues do. */
    public void setSelfPaced(boolean on) {
        if (on && onset == null) {
            throw new IllegalStateException("self-paced decoding needs a model with an onset detector");
        }
        selfPaced = on;
    }

    public boolean selfPaced() {
        return selfPaced;
    }

    /** The onset detector's speech probability at the last frame (NaN without a detector). */
    public double speechProbability() {
        return onset == null ? Double.NaN : onset.probability();
    }

    /** An attempt that began at {@code onsetSeconds} (on the frames' clock), e.g. a cued syllable's speech onset. */
    public void cue(double onsetSeconds, String label) {
        pending.addLast(new Pending(onsetSeconds, Trigger.CUED, label == null ? "" : label));
    }

    /** Feeds one frame of at least {@code width} values (only the first {@code width} are read). */
    public void accept(double time, double[] frame) {
        if (frame.length < width) {
            throw new IllegalArgumentException("a frame needs " + width + " values, got " + frame.length);
        }
        int slot = (int) (frames % ringTimes.length);
        for (int i = 0; i < width; i++) {
            ring[slot * width + i] = (float) frame[i];
        }
        ringTimes[slot] = time;
        frames++;
        if (onset != null && onset.accept(time, frame) && selfPaced) {
            pending.addLast(new Pending(time - onsetLag, Trigger.DETECTED, ""));
        }
        while (!pending.isEmpty()) {
            Pending next = pending.peekFirst();
            double start = next.onsetSeconds() + window.startSeconds();
            double oldest = ringTimes[(int) (frames >= ringTimes.length ? frames % ringTimes.length : 0)];
            if (start < oldest - 1e-9) { // the window has already left the ring: too old to decode
                pending.removeFirst();
                continue;
            }
            long first = firstFrameAtOrAfter(start, time);
            if (first + length > frames) {
                break; // its window is not complete yet; later attempts end later still
            }
            pending.removeFirst();
            long begin = System.nanoTime();
            Posteriors posteriors = model.predict(epoch(first, next));
            listener.attempt(new Attempt(next.onsetSeconds(), next.trigger(), next.cue(), posteriors, time,
                    System.nanoTime() - begin));
        }
    }

    /** Index (in frames seen) of the first frame stamped at or after {@code t}; frames are evenly spaced. */
    private long firstFrameAtOrAfter(double t, double latestTime) {
        long latest = frames - 1;
        long back = (long) Math.floor((latestTime - t) / frameSeconds + 1e-6);
        long index = latest - back;
        double at = ringTimes[(int) (Math.max(index, frames - ringTimes.length) % ringTimes.length)];
        return at < t - 1e-9 ? index + 1 : index;
    }

    private Epoch epoch(long first, Pending attempt) {
        float[] values = new float[length * width];
        for (int f = 0; f < length; f++) {
            int slot = (int) ((first + f) % ringTimes.length);
            System.arraycopy(ring, slot * width, values, f * width, width);
        }
        TonedSyllable label = attempt.cue().isEmpty() ? null : parseOrNull(attempt.cue());
        return new Epoch(attempt.onsetSeconds(), label, length, width, values);
    }

    private static TonedSyllable parseOrNull(String label) {
        try {
            return TonedSyllable.parse(label);
        } catch (IllegalArgumentException notASyllable) {
            return null;
        }
    }

    /** Forgets frames, pending attempts and the detector's state (e.g. after a gap in the stream). */
    public void reset() {
        frames = 0;
        pending.clear();
        if (onset != null) {
            onset.reset();
        }
    }
}
