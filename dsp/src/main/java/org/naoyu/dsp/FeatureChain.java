package org.naoyu.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.dsp.design.Butterworth;
import org.naoyu.dsp.design.Notch;

/**
 * The causal feature chain of a {@link FeatureConfig}: raw multichannel blocks in, z-scored feature frames out, in
 * real time, with any block size and no allocation per block once its buffers have grown to the largest block seen.
 * Stages, in order: anti-alias and down-sampling to the processing rate, mains notches, common average reference,
 * the band amplitude of every feature, anti-alias and down-sampling to the frame rate, z-scoring.
 */
public final class FeatureChain {

    /** Receives frames; {@code values} ({@code c · features + f}) is valid only during the call. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(double timestamp, double[] values);
    }

    /** One stage's delay, for the latency budget. */
    public record StageDelay(String stage, double delayMs) {
    }

    private final FeatureConfig config;
    private final int channels;
    private final int features;
    private final int inputFactor;
    private final int frameFactor;
    private final SosFilter inputAntiAlias;
    private final SosFilter notch;
    private final CommonAverageReference car;
    private final AnalyticBank[] banks;
    private final SosFilter frameAntiAlias;
    private final RunningZScore zscore;
    private double[] work = new double[0];
    private double[] processed = new double[0];
    private double[] amplitude = new double[0];
    private double[] combined = new double[0];
    private final double[] frame;
    private long inputIndex;
    private long processedIndex;
    private long nonFinite;

    public FeatureChain(FeatureConfig config, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        for (int bad : config.badChannels()) {
            if (bad >= channels) {
                throw new IllegalArgumentException("bad channel " + bad + " is not among the " + channels
                        + " channels (indices 0-" + (channels - 1) + ")");
            }
        }
        this.config = config;
        this.channels = channels;
        this.features = config.features().size();
        this.inputFactor = config.inputDecimation();
        this.frameFactor = config.frameDecimation();
        double processing = config.processingRateHz();
        this.inputAntiAlias = inputFactor > 1
                ? new SosFilter(Butterworth.lowPass(8, 0.4 * processing, config.sampleRateHz()), channels) : null;
        this.notch = config.lineFrequencyHz() > 0 && config.lineFrequencyHz() < 0.45 * processing
                ? new SosFilter(Notch.comb(config.lineFrequencyHz(), config.notchQ(), 0.45 * processing, processing),
                        channels) : null;
        if (config.commonAverage() && channels < 2) {
            throw new IllegalArgumentException("commonAverage needs at least 2 channels; a single channel must be "
                    + "processed with commonAverage false");
        }
        this.car = config.commonAverage() ? new CommonAverageReference(channels) : null;
        if (car != null && !config.badChannels().isEmpty()) {
            car.setExcluded(config.badChannels().stream().mapToInt(Integer::intValue).toArray());
        }
        this.banks = new AnalyticBank[features];
        for (int f = 0; f < features; f++) {
            banks[f] = new AnalyticBank(config.features().get(f).bands(), channels, processing);
        }
        this.frameAntiAlias = frameFactor > 1
                ? new SosFilter(Butterworth.lowPass(4, 0.4 * config.frameRateHz(), processing), channels * features)
                : null;
        this.zscore = new RunningZScore(config.zscore(), channels * features, config.frameRateHz());
        this.frame = new double[channels * features];
    }

    public FeatureConfig config() {
        return config;
    }

    public int channels() {
        return channels;
    }

    /** The z-scorer, to freeze its statistics after calibration or read them for a model. */
    public RunningZScore zscore() {
        return zscore;
    }

    /** Marks bad channels while running: they leave the common average from the next block on. */
    public void setBadChannels(int... bad) {
        if (car == null) {
            throw new IllegalStateException("this chain has no common average reference (commonAverage is false), so "
                    + "bad channels have nothing to leave; make the chain with commonAverage true");
        }
        car.setExcluded(bad);
    }

    /**
     * Processes {@code samples} samples (sample-major, {@code channels} per sample), the first stamped
     * {@code firstTimestamp}, and hands every completed frame to {@code sink}. Returns the number of frames.
     */
    public int process(double[] in, int samples, double firstTimestamp, FrameSink sink) {
        BlockFilter.checkInput(in, samples, channels);
        if (BlockFilter.anyNonFinite(in, samples * channels)) {
            for (int i = 0; i < samples * channels; i++) {
                nonFinite += Double.isFinite(in[i]) ? 0 : 1;
            }
        }
        ensureCapacity(samples);
        System.arraycopy(in, 0, work, 0, samples * channels);
        if (inputAntiAlias != null) {
            inputAntiAlias.process(work, work, samples);
        }
        // keep every inputFactor-th sample, counting from the first sample the chain ever saw
        int kept = 0;
        int firstKept = (int) ((inputFactor - inputIndex % inputFactor) % inputFactor);
        for (int s = firstKept; s < samples; s += inputFactor, kept++) {
            System.arraycopy(work, s * channels, processed, kept * channels, channels);
        }
        if (notch != null) {
            notch.process(processed, processed, kept);
        }
        if (car != null) {
            car.process(processed, processed, kept);
        }
        for (int f = 0; f < features; f++) {
            banks[f].process(processed, amplitude, kept);
            for (int s = 0; s < kept; s++) {
                int from = s * channels;
                int to = s * channels * features;
                for (int c = 0; c < channels; c++) {
                    combined[to + c * features + f] = amplitude[from + c];
                }
            }
        }
        if (frameAntiAlias != null) {
            frameAntiAlias.process(combined, combined, kept);
        }
        int frames = 0;
        int width = channels * features;
        for (int s = 0; s < kept; s++) {
            long m = processedIndex + s;
            if (m % frameFactor == 0) {
                System.arraycopy(combined, s * width, frame, 0, width);
                zscore.apply(frame);
                int inputOffset = firstKept + s * inputFactor;
                sink.frame(firstTimestamp + inputOffset / config.sampleRateHz(), frame);
                frames++;
            }
        }
        processedIndex += kept;
        inputIndex += samples;
        return frames;
    }

    /** Convenience for tests and offline use: the frames of one block as records. */
    public List<FeatureFrame> frames(double[] in, int samples, double firstTimestamp) {
        List<FeatureFrame> out = new ArrayList<>();
        process(in, samples, firstTimestamp, (t, v) -> out.add(new FeatureFrame(t, channels, features, v)));
        return out;
    }

    private void ensureCapacity(int samples) {
        if (work.length < samples * channels) {
            work = new double[samples * channels];
            int kept = samples / inputFactor + 1;
            processed = new double[kept * channels];
            amplitude = new double[kept * channels];
            combined = new double[kept * channels * features];
        }
    }

    /** Non-finite input values the chain was given (channel-samples). */
    public long nonFiniteInputs() {
        return nonFinite;
    }

    public void reset() {
        if (inputAntiAlias != null) {
            inputAntiAlias.reset();
        }
        if (notch != null) {
            notch.reset();
        }
        for (AnalyticBank bank : banks) {
            bank.reset();
        }
        if (frameAntiAlias != null) {
            frameAntiAlias.reset();
        }
        zscore.reset();
        inputIndex = 0;
        processedIndex = 0;
        nonFinite = 0;
    }

    /**
     * The delay each stage adds to a high-gamma envelope, from its design: group delays of the filters at the
     * frequencies they carry (the bands' middle centre for the signal stages, 5 Hz for the envelope's anti-alias), the
     * time the band amplitude takes to reach half of a step, and on average half a frame of waiting for the frame
     * to complete (the last entry; a frame's timestamp is its last sample, so it does not show in timestamps).
     */
    public List<StageDelay> delays() {
        List<StageDelay> delays = new ArrayList<>();
        double centre = config.features().get(0).bands().get(config.features().get(0).bands().size() / 2).centreHz();
        if (inputAntiAlias != null) {
            delays.add(new StageDelay(String.format(Locale.ROOT, "anti-alias to %.0f Hz", config.processingRateHz()),
                    1000 * inputAntiAlias.sections().groupDelaySamples(centre, config.sampleRateHz())
                            / config.sampleRateHz()));
        }
        if (notch != null) {
            delays.add(new StageDelay("mains notches", 1000 * notch.sections().groupDelaySamples(centre + 5,
                    config.processingRateHz()) / config.processingRateHz()));
        }
        if (car != null) {
            delays.add(new StageDelay("common average reference", 0));
        }
        for (int f = 0; f < features; f++) {
            double mean = 0;
            for (int b = 0; b < banks[f].bands().size(); b++) {
                mean += banks[f].halfRiseSeconds(b) / banks[f].bands().size();
            }
            delays.add(new StageDelay("band amplitude '" + config.features().get(f).name() + "' (half rise, mean of "
                    + "bands)", 1000 * mean));
        }
        if (frameAntiAlias != null) {
            delays.add(new StageDelay(String.format(Locale.ROOT, "anti-alias to %.0f frames/s", config.frameRateHz()),
                    1000 * frameAntiAlias.sections().groupDelaySamples(5, config.processingRateHz())
                            / config.processingRateHz()));
        }
        delays.add(new StageDelay("framing (half a frame on average)", 500 / config.frameRateHz()));
        return delays;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "feature chain: %d ch at %s Hz -> %s Hz processing -> %d feature(s) %s at %s "
                + "frames/s, z-score %s", channels, config.sampleRateHz(), config.processingRateHz(), features,
                config.featureNames(), config.frameRateHz(), config.zscore().mode());
    }
}
