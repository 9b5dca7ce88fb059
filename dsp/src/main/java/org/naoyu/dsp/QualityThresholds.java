package org.naoyu.dsp;

/**
 * When a channel is called bad: a user sees these in every quality report and can override each. Robust z-scores
 * compare a channel with the median of all channels (median absolute deviation × 1.4826), as the PREP pipeline does
 * (Bigdely-Shamlo et al. 2015, Front. Neuroinform. 9:16), so the thresholds hold for any amplifier gain.
 *
 * @param minRmsMicrovolts        below this RMS a channel is flat (a broken lead)
 * @param maxFlatFraction         above this share of repeated consecutive values a channel is flat
 * @param maxClippedFraction      above this share of samples at the channel's extreme values it is clipping
 * @param maxDeviationZ           robust z of log RMS above which a channel is too large (noisy) or below −that, too small
 * @param maxLineNoiseRatio       mains power over broadband power (1-200 Hz) above which mains dominates outright
 * @param maxLineNoiseZ           robust z of log mains share above which a channel picks up far more mains than the
 *                                others (a poor contact)
 * @param maxHighFrequencyZ       robust z of the high-frequency share above which a channel is noisy
 * @param minNeighbourCorrelation median correlation with neighbours (1-40 Hz) below which a channel does not look
 *                                like its surroundings
 */
public record QualityThresholds(double minRmsMicrovolts, double maxFlatFraction, double maxClippedFraction,
        double maxDeviationZ, double maxLineNoiseRatio, double maxLineNoiseZ, double maxHighFrequencyZ,
        double minNeighbourCorrelation) {

    public static final QualityThresholds DEFAULT = new QualityThresholds(0.5, 0.5, 0.01, 5, 0.9, 5, 5, 0.3);

    public QualityThresholds {
        positive("minRmsMicrovolts", minRmsMicrovolts);
        fraction("maxFlatFraction", maxFlatFraction);
        fraction("maxClippedFraction", maxClippedFraction);
        positive("maxDeviationZ", maxDeviationZ);
        positive("maxLineNoiseRatio", maxLineNoiseRatio);
        positive("maxLineNoiseZ", maxLineNoiseZ);
        positive("maxHighFrequencyZ", maxHighFrequencyZ);
        if (!(minNeighbourCorrelation >= -1 && minNeighbourCorrelation <= 1)) {
            throw new IllegalArgumentException("minNeighbourCorrelation must be in [-1, 1], got "
                    + minNeighbourCorrelation);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }
}
