package org.naoyu.dsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * Everything that turns raw samples into feature frames, so that a model can carry the exact configuration it was
 * trained with and refuse a stream processed differently. {@link #defaults(double)} gives the Chang-lab high-gamma
 * feature at 100 frames a second; {@link #toJson()} / {@link #fromJson(String)} store it.
 *
 * <p>The causal chain: anti-alias (8th-order Butterworth at 0.4 × the processing rate) and down-sampling to the
 * processing rate, mains notches (fundamental and harmonics below the processing Nyquist), common average reference
 * without the bad channels, each feature's band amplitude, anti-alias (4th-order Butterworth at 0.4 × the frame rate)
 * and down-sampling to the frame rate, z-scoring. The offline chain does the same with zero-phase filters and the
 * exact Gaussian bands.
 *
 * @param sampleRateHz     the input's rate
 * @param processingRateHz the rate the filters run at: the input rate over an integer, at least 500 Hz where possible
 * @param frameRateHz      frames per second: the processing rate over an integer
 * @param lineFrequencyHz  mains, 50 or 60 Hz, or 0 for no notches
 * @param notchQ           quality factor of each notch, in (0, 1000]
 * @param commonAverage    whether to re-reference to the common average of the good channels
 * @param badChannels      channel indices left out of the average (their features are still computed)
 * @param features         the features per channel, in order
 * @param zscore           the normalisation of each channel's features
 */
public record FeatureConfig(double sampleRateHz, double processingRateHz, double frameRateHz, double lineFrequencyHz,
        double notchQ, boolean commonAverage, List<Integer> badChannels, List<FeatureBand> features, ZScore zscore) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public FeatureConfig {
        if (!(sampleRateHz > 0 && sampleRateHz <= 100_000)) {
            throw new IllegalArgumentException("sampleRateHz must be in (0, 100000], got " + sampleRateHz);
        }
        if (!(processingRateHz > 0 && processingRateHz <= sampleRateHz) || !isDivisor(sampleRateHz, processingRateHz)) {
            throw new IllegalArgumentException("processingRateHz must be the sampling rate " + sampleRateHz
                    + " Hz over a whole number, got " + processingRateHz);
        }
        if (!(frameRateHz > 0 && frameRateHz <= processingRateHz) || !isDivisor(processingRateHz, frameRateHz)) {
            throw new IllegalArgumentException("frameRateHz must be the processing rate " + processingRateHz
                    + " Hz over a whole number, got " + frameRateHz);
        }
        if (lineFrequencyHz != 0 && lineFrequencyHz != 50 && lineFrequencyHz != 60) {
            throw new IllegalArgumentException("lineFrequencyHz must be 50, 60 or 0 (no notch), got " + lineFrequencyHz);
        }
        if (!(notchQ > 0 && notchQ <= 1000)) {
            throw new IllegalArgumentException("notchQ must be in (0, 1000], got " + notchQ);
        }
        badChannels = List.copyOf(badChannels == null ? List.of() : badChannels);
        for (int c : badChannels) {
            if (c < 0) {
                throw new IllegalArgumentException("bad channel indices must be >= 0, got " + c);
            }
        }
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("at least one feature is needed");
        }
        features = List.copyOf(features);
        for (FeatureBand feature : features) {
            if (feature.topHz() >= processingRateHz / 2) {
                throw new IllegalArgumentException("feature '" + feature.name() + "' reaches " + Math.round(feature.topHz())
                        + " Hz, above the Nyquist frequency of the processing rate (" + processingRateHz / 2
                        + " Hz); it needs a sampling rate above " + Math.round(2 * feature.topHz()) + " Hz");
            }
        }
        if (features.stream().map(FeatureBand::name).distinct().count() != features.size()) {
            throw new IllegalArgumentException("feature names must differ, got "
                    + features.stream().map(FeatureBand::name).toList());
        }
        if (zscore == null) {
            throw new IllegalArgumentException("zscore must not be null");
        }
    }

    private static boolean isDivisor(double rate, double sub) {
        double q = rate / sub;
        return Math.abs(q - Math.rint(q)) < 1e-9 * q;
    }

    /** The Chang-lab high-gamma feature at 100 frames a second (or the nearest the rate allows), 50 Hz notches. */
    public static FeatureConfig defaults(double sampleRateHz) {
        return withFeatures(sampleRateHz, List.of(FeatureBand.highGamma()));
    }

    /** Default processing with other features. */
    public static FeatureConfig withFeatures(double sampleRateHz, List<FeatureBand> features) {
        if (!(sampleRateHz > 0 && sampleRateHz <= 100_000)) {
            throw new IllegalArgumentException("sampleRateHz must be in (0, 100000], got " + sampleRateHz);
        }
        int q = (int) Math.max(1, Math.floor(sampleRateHz / 500));
        double processing = sampleRateHz / q;
        int frameFactor = (int) Math.max(1, Math.round(processing / 100));
        return new FeatureConfig(sampleRateHz, processing, processing / frameFactor, 50, 30, true, List.of(),
                features, ZScore.DEFAULT);
    }

    public FeatureConfig withBadChannels(List<Integer> bad) {
        return new FeatureConfig(sampleRateHz, processingRateHz, frameRateHz, lineFrequencyHz, notchQ, commonAverage,
                bad, features, zscore);
    }

    public FeatureConfig withLineFrequency(double hz) {
        return new FeatureConfig(sampleRateHz, processingRateHz, frameRateHz, hz, notchQ, commonAverage, badChannels,
                features, zscore);
    }

    public FeatureConfig withZScore(ZScore z) {
        return new FeatureConfig(sampleRateHz, processingRateHz, frameRateHz, lineFrequencyHz, notchQ, commonAverage,
                badChannels, features, z);
    }

    public int inputDecimation() {
        return (int) Math.round(sampleRateHz / processingRateHz);
    }

    public int frameDecimation() {
        return (int) Math.round(processingRateHz / frameRateHz);
    }

    public List<String> featureNames() {
        return features.stream().map(FeatureBand::name).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feature config must always serialise: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a config written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming what is wrong: malformed JSON, a missing field, or a value out of range
     */
    public static FeatureConfig fromJson(String json) {
        try {
            return JSON.readValue(json, FeatureConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException bad) {
                throw new IllegalArgumentException("feature config: " + bad.getMessage(), e);
            }
            throw new IllegalArgumentException("feature config: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""), e);
        }
    }
}
