package org.naoyu.datasets.simulate;

/**
 * A second-order IIR section (direct form II transposed) that shapes the simulator's noise sources: Butterworth
 * low- and high-pass halves of the high-gamma band (RBJ Audio EQ Cookbook designs) and the resonators of the alpha
 * and beta rhythms. Generating, not analysing: the dsp module's filters are what analyses use.
 */
final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double z1;
    private double z2;

    private Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    Biquad copy() {
        return new Biquad(b0, b1, b2, a1, a2);
    }

    static Biquad lowPass(double cornerHz, double sampleRateHz) {
        double w = 2 * StrictMath.PI * cornerHz / sampleRateHz;
        double alpha = StrictMath.sin(w) / (2 * StrictMath.sqrt(0.5));
        double a0 = 1 + alpha;
        double c = StrictMath.cos(w);
        return new Biquad((1 - c) / 2 / a0, (1 - c) / a0, (1 - c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0);
    }

    static Biquad highPass(double cornerHz, double sampleRateHz) {
        double w = 2 * StrictMath.PI * cornerHz / sampleRateHz;
        double alpha = StrictMath.sin(w) / (2 * StrictMath.sqrt(0.5));
        double a0 = 1 + alpha;
        double c = StrictMath.cos(w);
        return new Biquad((1 + c) / 2 / a0, -(1 + c) / a0, (1 + c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0);
    }

    /** Poles at {@code r·e^{±iω₀}}, r from the −3 dB bandwidth: narrow-band noise around {@code centreHz}. */
    static Biquad resonator(double centreHz, double bandwidthHz, double sampleRateHz) {
        double r = StrictMath.exp(-StrictMath.PI * bandwidthHz / sampleRateHz);
        double w0 = 2 * StrictMath.PI * centreHz / sampleRateHz;
        return new Biquad(1, 0, 0, -2 * r * StrictMath.cos(w0), r * r);
    }

    double next(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }

    /** |H(e^{iω})|². */
    double powerGain(double omega) {
        double c1 = StrictMath.cos(omega);
        double s1 = StrictMath.sin(omega);
        double c2 = StrictMath.cos(2 * omega);
        double s2 = StrictMath.sin(2 * omega);
        double numRe = b0 + b1 * c1 + b2 * c2;
        double numIm = -(b1 * s1 + b2 * s2);
        double denRe = 1 + a1 * c1 + a2 * c2;
        double denIm = -(a1 * s1 + a2 * s2);
        return (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
    }
}
