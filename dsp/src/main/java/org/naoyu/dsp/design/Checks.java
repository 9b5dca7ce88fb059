package org.naoyu.dsp.design;

import java.util.Locale;

/** The parameter checks of filter design, with messages that name the parameter, its range and the value. */
final class Checks {
    private Checks() {
    }

    static void order(int order, int max) {
        if (order < 1 || order > max) {
            throw new IllegalArgumentException("order must be in [1, " + max + "], got " + order);
        }
    }

    static void sampleRate(double sampleRateHz) {
        if (!(sampleRateHz > 0 && sampleRateHz <= 1e6)) {
            throw new IllegalArgumentException("sampleRateHz must be in (0, 1000000] Hz, got " + number(sampleRateHz));
        }
    }

    static void belowNyquist(String name, double hz, double sampleRateHz) {
        if (!(hz > 0 && hz < sampleRateHz / 2)) {
            throw new IllegalArgumentException(name + " must be in (0, " + number(sampleRateHz / 2) + ") Hz, below "
                    + "Nyquist for a sampling rate of " + number(sampleRateHz) + " Hz, got " + number(hz));
        }
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
