package org.naoyu.dsp.design;

/**
 * The second-order IIR notch of SciPy's {@code iirnotch(w0, Q, fs)}: zeros on the unit circle at {@code w0}, poles just
 * inside, −3 dB bandwidth {@code w0 / Q}; and a comb of such notches at a mains frequency and its harmonics.
 */
public final class Notch {
    private Notch() {
    }

    public static SecondOrderSections at(double frequencyHz, double quality, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist("frequencyHz", frequencyHz, sampleRateHz);
        if (!(quality > 0 && quality <= 1000)) {
            throw new IllegalArgumentException("quality (Q) must be in (0, 1000], got " + Checks.number(quality));
        }
        double w0 = 2 * frequencyHz / sampleRateHz;
        double bandwidth = w0 / quality * Math.PI;
        double beta = Math.tan(bandwidth / 2);
        double gain = 1 / (1 + beta);
        double c = Math.cos(w0 * Math.PI);
        double[][] section = {{gain, -2 * gain * c, gain, 1, -2 * gain * c, 2 * gain - 1}};
        return new SecondOrderSections(section, String.format(java.util.Locale.ROOT, "IIR notch at %.1f Hz, Q %s",
                frequencyHz, Checks.number(quality)));
    }

    /**
     * Notches at {@code fundamentalHz} and each harmonic below {@code maxHz} (and below Nyquist), each with the
     * same Q, as one cascade.
     */
    public static SecondOrderSections comb(double fundamentalHz, double quality, double maxHz, double sampleRateHz) {
        Checks.sampleRate(sampleRateHz);
        Checks.belowNyquist("fundamentalHz", fundamentalHz, sampleRateHz);
        java.util.List<double[]> sections = new java.util.ArrayList<>();
        int harmonics = 0;
        for (int h = 1; h * fundamentalHz <= maxHz && h * fundamentalHz < sampleRateHz / 2; h++) {
            sections.add(at(h * fundamentalHz, quality, sampleRateHz).coefficients()[0]);
            harmonics = h;
        }
        return new SecondOrderSections(sections.toArray(new double[0][]), String.format(java.util.Locale.ROOT,
                "IIR notch comb at %.1f Hz and %d harmonics, Q %s", fundamentalHz, harmonics - 1,
                Checks.number(quality)));
    }
}
