package org.naoyu.dsp.design;

/**
 * Symmetric windows for FIR design, as SciPy's {@code get_window(..., fftbins=False)} makes them.
 *
 * @param kind  the shape
 * @param beta  Kaiser's shape parameter (0 = rectangular, 5 ≈ Hamming, 8.6 ≈ Blackman); ignored by the others
 */
public record Window(Kind kind, double beta) {

    /** The window shapes. */
    public enum Kind { HAMMING, HANN, KAISER }

    public static final Window HAMMING = new Window(Kind.HAMMING, 0);
    public static final Window HANN = new Window(Kind.HANN, 0);

    public Window {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == Kind.KAISER && !(beta >= 0 && beta <= 50)) {
            throw new IllegalArgumentException("Kaiser beta must be in [0, 50], got " + beta);
        }
    }

    public static Window kaiser(double beta) {
        return new Window(Kind.KAISER, beta);
    }

    /** The {@code length} window values. */
    public double[] values(int length) {
        double[] w = new double[length];
        if (length == 1) {
            w[0] = 1;
            return w;
        }
        for (int n = 0; n < length; n++) {
            switch (kind) {
                case HAMMING -> w[n] = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (length - 1));
                case HANN -> w[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / (length - 1));
                case KAISER -> {
                    double alpha = (length - 1) / 2.0;
                    double r = (n - alpha) / alpha;
                    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
                }
                default -> throw new IllegalStateException("unhandled window " + kind);
            }
        }
        return w;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series (exact to rounding for x ≤ 50). */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return kind == Kind.KAISER ? "Kaiser (beta " + beta + ")" : kind.name().charAt(0)
                + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
