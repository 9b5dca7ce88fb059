package org.naoyu.dsp;

import java.util.List;

/**
 * One feature per channel: the mean analytic amplitude over a set of Gaussian bands (the Chang-lab high-gamma feature
 * is one such band set; classic band powers are one band each).
 */
public record FeatureBand(String name, List<GaussianBand> bands) {
    public FeatureBand {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("feature name must be 1-32 lower-case letters, digits or _, starting "
                    + "with a letter, got '" + name + "'");
        }
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("feature '" + name + "' needs at least one band");
        }
        bands = List.copyOf(bands);
    }

    /** The eight Chang-lab high-gamma bands, 70-150 Hz. */
    public static FeatureBand highGamma() {
        return new FeatureBand("high_gamma", GaussianBand.changLab(70, 150));
    }

    /** A classic band between half-power points: {@code classic("beta", 13, 30)}. */
    public static FeatureBand classic(String name, double lowHz, double highHz) {
        return new FeatureBand(name, List.of(GaussianBand.halfPower(lowHz, highHz)));
    }

    /** Delta, theta, alpha, beta, gamma and high gamma: the usual band-power set. */
    public static List<FeatureBand> classicSet() {
        return List.of(classic("delta", 1, 4), classic("theta", 4, 8), classic("alpha", 8, 13),
                classic("beta", 13, 30), classic("gamma", 30, 70), highGamma());
    }

    /** The highest frequency the feature reaches: its top centre plus two standard deviations. */
    public double topHz() {
        return bands.stream().mapToDouble(b -> b.centreHz() + 2 * b.sdHz()).max().orElseThrow();
    }
}
