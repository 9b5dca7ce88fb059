package org.naoyu.speller.support;

/** Numbers in messages and terminal text, written as a person would type them. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 2000} for 2000.0, {@code 0.25} for 0.25; NaN and infinities as Java writes them. */
    public static String plain(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
