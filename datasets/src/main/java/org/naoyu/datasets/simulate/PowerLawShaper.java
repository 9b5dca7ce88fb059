package org.naoyu.datasets.simulate;

/**
 * Turns white noise into noise with a 1/f^χ power spectrum above {@code kneeHz}, flat below it, by a cascade of
 * first-order pole–zero sections spaced three per decade (Kasdin 1995, Proc. IEEE 83:802; the "pinking filter"
 * construction). Each decade holds poles whose zeros follow at a distance that sets the average slope; ⌊χ/2⌋ extra
 * poles at the knee supply the whole-number part of the amplitude slope. The output is scaled to unit variance, so
 * callers set the RMS directly. Streaming, one multiply-add pair per section and sample, no allocation.
 */
final class PowerLawShaper {
    private static final double SECTIONS_PER_DECADE = 3;

    private final double[] pole;
    private final double[] zero;
    private final double[] state;
    private final double scale;

    PowerLawShaper(double exponent, double kneeHz, double sampleRateHz) {
        double nyquist = sampleRateHz / 2;
        int whole = (int) StrictMath.floor(exponent / 2);
        double fraction = exponent / 2 - whole;
        double spacing = 1 / SECTIONS_PER_DECADE; // in decades
        int pairs = fraction > 1e-9 ? (int) StrictMath.ceil(StrictMath.log10(nyquist / kneeHz) / spacing) : 0;
        int sections = whole + pairs;
        pole = new double[sections];
        zero = new double[sections];
        state = new double[sections];
        for (int k = 0; k < whole; k++) {
            pole[k] = StrictMath.exp(-2 * StrictMath.PI * kneeHz / sampleRateHz);
            zero[k] = 0;
        }
        for (int k = 0; k < pairs; k++) {
            double poleHz = kneeHz * StrictMath.pow(10, k * spacing);
            double zeroHz = StrictMath.min(poleHz * StrictMath.pow(10, fraction * spacing), 0.999 * nyquist);
            pole[whole + k] = StrictMath.exp(-2 * StrictMath.PI * poleHz / sampleRateHz);
            zero[whole + k] = StrictMath.exp(-2 * StrictMath.PI * zeroHz / sampleRateHz);
        }
        scale = 1 / StrictMath.sqrt(Responses.variance(this::unscaledPowerGain));
    }

    /** The next output for a white input sample. */
    double next(double white) {
        double x = white * scale;
        for (int k = 0; k < pole.length; k++) {
            // y[n] = x[n] − z·x[n−1] + p·y[n−1], in transposed form with one state
            double y = x + state[k];
            state[k] = pole[k] * y - zero[k] * x;
            x = y;
        }
        return x;
    }

    /** |H(e^{iω})|² of the unit-variance shaper. */
    double powerGain(double omega) {
        return unscaledPowerGain(omega) * scale * scale;
    }

    private double unscaledPowerGain(double omega) {
        double gain = 1;
        double c = StrictMath.cos(omega);
        for (int k = 0; k < pole.length; k++) {
            double num = 1 - 2 * zero[k] * c + zero[k] * zero[k];
            double den = 1 - 2 * pole[k] * c + pole[k] * pole[k];
            gain *= num / den;
        }
        return gain;
    }
}
