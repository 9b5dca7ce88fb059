package org.naoyu.decoder.stream;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.StreamingNetwork;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.SpeechSegment;

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

    /** A step between frames longer than this many frame periods is a gap in the stream. */
    static final double GAP_FRAMES = 2.5;

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
    /** The network computed as frames arrive, or null: DL4J decodes the whole window when it completes. */
    private final StreamingNetwork streaming;
    private final List<Pending> pending = new ArrayList<>();
    private long frames;
    private double lastTime = Double.NaN;
    private double continuousSince = Double.NEGATIVE_INFINITY;
    private long dropped;
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
        this.streaming = StreamingNetwork.of(model, capacity).orElse(null);
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
        if (on && !window.lockKind().equals(SpeechSegment.ONSET)) {
            throw new IllegalStateException("self-paced decoding needs a model whose windows are locked to speech "
                    + "onsets; this one is locked to '" + window.lockKind() + "'");
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

    /**
     * An attempt that began at {@code onsetSeconds} (on the frames' clock), e.g. a cued syllable's speech onset. Cues
     * may come in any order; each is decoded once the frames of its window have arrived.
     */
    public void cue(double onsetSeconds, String label) {
        if (!Double.isFinite(onsetSeconds)) {
            throw new IllegalArgumentException("a cue's onset must be a finite time in seconds, got " + onsetSeconds);
        }
        enqueue(new Pending(onsetSeconds, Trigger.CUED, label == null ? "" : label));
    }

    /** Keeps pending attempts in onset order, so the first is always the next to complete. */
    private void enqueue(Pending attempt) {
        int at = pending.size();
        while (at > 0 && pending.get(at - 1).onsetSeconds() > attempt.onsetSeconds()) {
            at--;
        }
        pending.add(at, attempt);
    }

    /**
     * Feeds one frame of exactly {@code width} values. Times must increase; a jump of more than
     * {@value #GAP_FRAMES} frame periods is a gap in the stream, and attempts whose windows would reach across it are
     * dropped (counted by {@link #droppedAttempts()}). Non-finite values (the feature chain's mark for a bad input
     * sample) enter the window as 0, the z-scored mean.
     */
    public void accept(double time, double[] frame) {
        if (frame.length != width) {
            throw new IllegalArgumentException("a frame needs exactly " + width + " values, got " + frame.length);
        }
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("a frame's time must be finite, got " + time);
        }
        if (frames > 0 && time <= lastTime) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "frame times must increase: %.6f s came after %.6f s", time, lastTime));
        }
        if (frames > 0 && time - lastTime > GAP_FRAMES * frameSeconds) {
            continuousSince = time; // windows must not join frames from both sides of the gap
        }
        lastTime = time;
        int slot = (int) (frames % ringTimes.length);
        for (int i = 0; i < width; i++) {
            double v = frame[i];
            ring[slot * width + i] = Double.isFinite(v) ? (float) v : 0f;
        }
        ringTimes[slot] = time;
        frames++;
        if (onset != null && onset.accept(time, frame) && selfPaced) {
            enqueue(new Pending(time - onsetLag, Trigger.DETECTED, ""));
        }
        if (streaming != null && !pending.isEmpty()) {
            keepUp();
        }
        while (!pending.isEmpty()) {
            Pending next = pending.get(0);
            double start = next.onsetSeconds() + window.startSeconds();
            if (!decodable(start)) {
                pending.remove(0);
                dropped++;
                continue;
            }
            long first = firstFrameAtOrAfter(start);
            if (first + length > frames) {
                break; // not complete yet; the attempts behind it start later still
            }
            pending.remove(0);
            long begin = System.nanoTime();
            Posteriors posteriors = streaming != null ? streaming.decode(ring, first, frames - 1)
                    : model.predictOne(epoch(first, next));
            listener.attempt(new Attempt(next.onsetSeconds(), next.trigger(), next.cue(), posteriors, time,
                    System.nanoTime() - begin));
        }
    }

    /**
     * The network's convolution keeps up with the next attempt's window as its frames arrive, so that the window's
     * last frame leaves little to do (a window that has left the ring or spans a gap is not worth it: it is dropped).
     */
    private void keepUp() {
        double start = pending.get(0).onsetSeconds() + window.startSeconds();
        if (decodable(start)) {
            long first = firstFrameAtOrAfter(start);
            if (first < frames) {
                streaming.convolve(ring, first, frames - 1);
            }
        }
    }

    /** Whether a window starting at {@code start} is still held whole: it has not left the ring nor spans a gap. */
    private boolean decodable(double start) {
        long held = Math.min(frames, ringTimes.length);
        double oldest = ringTimes[(int) ((frames - held) % ringTimes.length)];
        return start >= Math.max(oldest, continuousSince) - 1e-9;
    }

    /** Attempts waiting for the rest of their window (a sentence is complete only when none of its are). */
    public int pendingAttempts() {
        return pending.size();
    }

    /** Attempts dropped because their window had left the ring or reached across a gap in the stream. */
    public long droppedAttempts() {
        return dropped;
    }

    /**
     * Index (in frames seen) of the first frame held stamped at or after {@code t}, by binary search over the ring
     * (the rule {@code Epochs.extract} uses, so jittered timestamps give the same windows); {@code frames} if none.
     */
    private long firstFrameAtOrAfter(double t) {
        long held = Math.min(frames, ringTimes.length);
        long low = frames - held;
        long high = frames;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (ringTimes[(int) (mid % ringTimes.length)] < t - 1e-9) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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

    /**
     * Forgets the attempts waiting for their windows (a sentence cleared, a phase left) but keeps the frames, so the
     * next attempt need not wait for a window's worth of history. Returns how many were dropped.
     */
    public int cancelPending() {
        int dropped = pending.size();
        pending.clear();
        return dropped;
    }

    /** Forgets frames, pending attempts and the detector's state (e.g. after a gap in the stream). */
    public void reset() {
        frames = 0;
        lastTime = Double.NaN;
        continuousSince = Double.NEGATIVE_INFINITY;
        pending.clear();
        if (onset != null) {
            onset.reset();
        }
        if (streaming != null) {
            streaming.reset();
        }
    }
}
