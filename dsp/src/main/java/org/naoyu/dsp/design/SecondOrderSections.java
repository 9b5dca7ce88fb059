package org.naoyu.dsp.design;

import java.util.Arrays;
import java.util.Locale;

/**
 * An IIR filter as a cascade of second-order sections, SciPy's {@code sos} layout: row k is
 * {@code [b0, b1, b2, a0, a1, a2]} with {@code a0 = 1}. Immutable; {@link #coefficients()} returns a copy.
 */
public final class SecondOrderSections {
    private final double[] coefficients;
    private final String description;

    SecondOrderSections(double[][] sections, String description) {
        if (sections.length == 0) {
            throw new IllegalArgumentException("a filter needs at least one section");
        }
        this.coefficients = new double[sections.length * 6];
        for (int k = 0; k < sections.length; k++) {
            if (sections[k].length != 6) {
                throw new IllegalArgumentException("section " + k + " must have 6 coefficients, got "
                        + sections[k].length);
            }
            if (sections[k][3] != 1.0) {
                throw new IllegalArgumentException("section " + k + " must be normalised (a0 = 1), got a0 = "
                        + sections[k][3]);
            }
            System.arraycopy(sections[k], 0, coefficients, 6 * k, 6);
        }
        this.description = description;
    }

    /** Sections given directly, e.g. from a file; each row {@code [b0, b1, b2, 1, a1, a2]}. */
    public static SecondOrderSections of(double[][] sections) {
        return new SecondOrderSections(sections, sections.length * 2 + "th-order IIR from given sections");
    }

    public int sectionCount() {
        return coefficients.length / 6;
    }

    /** Coefficient {@code index} (0–5) of section {@code k}. */
    public double coefficient(int k, int index) {
        return coefficients[6 * k + index];
    }

    /** A copy of the sections, one row of six each. */
    public double[][] coefficients() {
        double[][] rows = new double[sectionCount()][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = Arrays.copyOfRange(coefficients, 6 * k, 6 * k + 6);
        }
        return rows;
    }

    /**
     * The initial state of every section for a step response already at steady state, per unit input
     * (SciPy {@code sosfilt_zi}): start a filter with {@code zi × x[0]} and a constant input passes without a transient.
     * Returned as {@code [section][2]}.
     */
    public double[][] steadyStateInitial() {
        double[][] zi = new double[sectionCount()][2];
        double scale = 1;
        for (int k = 0; k < zi.length; k++) {
            double b0 = coefficient(k, 0);
            double b1 = coefficient(k, 1);
            double b2 = coefficient(k, 2);
            double a1 = coefficient(k, 4);
            double a2 = coefficient(k, 5);
            // lfilter_zi for a biquad: (I − companion(a)ᵀ) zi = b[1:] − a[1:]·b0, solved in closed form
            double r0 = b1 - a1 * b0;
            double r1 = b2 - a2 * b0;
            double z0 = (r0 + r1) / (1 + a1 + a2);
            zi[k][0] = scale * z0;
            zi[k][1] = scale * (r1 - a2 * z0);
            scale *= (b0 + b1 + b2) / (1 + a1 + a2);
        }
        return zi;
    }

    /** |H(e^{iω})| at {@code hz} for sampling rate {@code fs}. */
    public double magnitudeAt(double hz, double fs) {
        double w = 2 * Math.PI * hz / fs;
        double magnitude = 1;
        for (int k = 0; k < sectionCount(); k++) {
            double numRe = coefficient(k, 0) + coefficient(k, 1) * Math.cos(w) + coefficient(k, 2) * Math.cos(2 * w);
            double numIm = -coefficient(k, 1) * Math.sin(w) - coefficient(k, 2) * Math.sin(2 * w);
            double denRe = 1 + coefficient(k, 4) * Math.cos(w) + coefficient(k, 5) * Math.cos(2 * w);
            double denIm = -coefficient(k, 4) * Math.sin(w) - coefficient(k, 5) * Math.sin(2 * w);
            magnitude *= Math.hypot(numRe, numIm) / Math.hypot(denRe, denIm);
        }
        return magnitude;
    }

    /** Group delay in samples at {@code hz}, by differentiating the phase numerically. */
    public double groupDelaySamples(double hz, double fs) {
        double dw = 1e-6;
        double w = 2 * Math.PI * hz / fs;
        return -(phase(w + dw) - phase(w - dw)) / (2 * dw);
    }

    private double phase(double w) {
        double phase = 0;
        for (int k = 0; k < sectionCount(); k++) {
            double numRe = coefficient(k, 0) + coefficient(k, 1) * Math.cos(w) + coefficient(k, 2) * Math.cos(2 * w);
            double numIm = -coefficient(k, 1) * Math.sin(w) - coefficient(k, 2) * Math.sin(2 * w);
            double denRe = 1 + coefficient(k, 4) * Math.cos(w) + coefficient(k, 5) * Math.cos(2 * w);
            double denIm = -coefficient(k, 4) * Math.sin(w) - coefficient(k, 5) * Math.sin(2 * w);
            phase += Math.atan2(numIm, numRe) - Math.atan2(denIm, denRe);
        }
        return phase;
    }

    /** SciPy's sosfiltfilt pad length: 3 × (2 · sections + 1 − trailing zero coefficients). */
    public int filtfiltPadLength() {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (int k = 0; k < sectionCount(); k++) {
            zeroB2 += coefficient(k, 2) == 0 ? 1 : 0;
            zeroA2 += coefficient(k, 5) == 0 ? 1 : 0;
        }
        return 3 * (2 * sectionCount() + 1 - Math.min(zeroB2, zeroA2));
    }

    @Override
    public String toString() {
        return description;
    }

    static String describe(String kind, int order, double[] cornersHz) {
        StringBuilder corners = new StringBuilder();
        for (double hz : cornersHz) {
            corners.append(corners.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", hz));
        }
        return "IIR " + ordinal(order) + "-order " + kind + " (" + corners + ") Hz";
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
