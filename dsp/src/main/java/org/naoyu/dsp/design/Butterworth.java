package org.naoyu.dsp.design;

/**
 * Butterworth filters in second-order sections, designed as SciPy's {@code butter(order, Wn, btype, output='sos',
 * fs=fs)} does (analog prototype, pre-warped frequency transform, bilinear transform, {@code zpk2sos} pairing), so the
 * coefficients agree with SciPy's to rounding. Band-pass and band-stop filters have twice the given order, as in SciPy.
 */
public final class Butterworth {
    public static final int MAX_ORDER = 10;

    private Butterworth() {
    }

    public static SecondOrderSections lowPass(int order, double cornerHz, double sampleRateHz) {
        double w = normalised("cornerHz", cornerHz, sampleRateHz, order);
        Zpk zpk = Zpk.butterworthPrototype(order).lowPass(warp(w)).bilinear(2);
        return new SecondOrderSections(ZpkToSos.convert(zpk), SecondOrderSections.describe("Butterworth low-pass",
                order, new double[] {cornerHz}));
    }

    public static SecondOrderSections highPass(int order, double cornerHz, double sampleRateHz) {
        double w = normalised("cornerHz", cornerHz, sampleRateHz, order);
        Zpk zpk = Zpk.butterworthPrototype(order).highPass(warp(w)).bilinear(2);
        return new SecondOrderSections(ZpkToSos.convert(zpk), SecondOrderSections.describe("Butterworth high-pass",
                order, new double[] {cornerHz}));
    }

    /** A band-pass of order {@code 2 × order} between {@code lowHz} and {@code highHz}. */
    public static SecondOrderSections bandPass(int order, double lowHz, double highHz, double sampleRateHz) {
        double[] w = band(lowHz, highHz, sampleRateHz, order);
        double low = warp(w[0]);
        double high = warp(w[1]);
        Zpk zpk = Zpk.butterworthPrototype(order).bandPass(Math.sqrt(low * high), high - low).bilinear(2);
        return new SecondOrderSections(ZpkToSos.convert(zpk), SecondOrderSections.describe("Butterworth band-pass",
                2 * order, new double[] {lowHz, highHz}));
    }

    /** A band-stop of order {@code 2 × order} between {@code lowHz} and {@code highHz}. */
    public static SecondOrderSections bandStop(int order, double lowHz, double highHz, double sampleRateHz) {
        double[] w = band(lowHz, highHz, sampleRateHz, order);
        double low = warp(w[0]);
        double high = warp(w[1]);
        Zpk zpk = Zpk.butterworthPrototype(order).bandStop(Math.sqrt(low * high), high - low).bilinear(2);
        return new SecondOrderSections(ZpkToSos.convert(zpk), SecondOrderSections.describe("Butterworth band-stop",
                2 * order, new double[] {lowHz, highHz}));
    }

    /** SciPy pre-warps with fs = 2 after normalising to Nyquist: 4·tan(π·Wn/2). */
    private static double warp(double normalised) {
        return 4 * Math.tan(Math.PI * normalised / 2);
    }

    private static double[] band(double lowHz, double highHz, double sampleRateHz, int order) {
        double low = normalised("lowHz", lowHz, sampleRateHz, order);
        double high = normalised("highHz", highHz, sampleRateHz, order);
        if (!(lowHz < highHz)) {
            throw new IllegalArgumentException("lowHz must be below highHz, got " + lowHz + " and " + highHz);
        }
        return new double[] {low, high};
    }

    static double normalised(String name, double hz, double sampleRateHz, int order) {
        Checks.order(order, MAX_ORDER);
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist(name, hz, sampleRateHz);
        return hz / (sampleRateHz / 2);
    }
}
