package org.naoyu.datasets.simulate;

import java.util.function.DoubleUnaryOperator;

/** Variance and band power of filtered unit white noise, from a filter's power response |H(e^{iω})|². */
final class Responses {
    private static final int POINTS = 1 << 15;

    private Responses() {
    }

    /** (1/π) ∫₀^π |H|² dω: the output variance for unit-variance white input. */
    static double variance(DoubleUnaryOperator powerGain) {
        return bandVariance(powerGain, 0, StrictMath.PI);
    }

    /** (1/π) ∫ |H|² dω over [lowOmega, highOmega] (midpoint rule). */
    static double bandVariance(DoubleUnaryOperator powerGain, double lowOmega, double highOmega) {
        double step = StrictMath.PI / POINTS;
        double sum = 0;
        for (int i = 0; i < POINTS; i++) {
            double omega = (i + 0.5) * step;
            if (omega >= lowOmega && omega < highOmega) {
                sum += powerGain.applyAsDouble(omega);
            }
        }
        return sum * step / StrictMath.PI;
    }

    static double omega(double hz, double sampleRateHz) {
        return 2 * StrictMath.PI * hz / sampleRateHz;
    }
}
