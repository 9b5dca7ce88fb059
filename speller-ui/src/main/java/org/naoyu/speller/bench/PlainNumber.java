package org.naoyu.speller.bench;

import java.util.Locale;

/** Numbers in the bench's text as a person writes them: 2000 Hz and 600 s, not 2000.0 and 600.0; 0.99 as it is. */
public final class PlainNumber {
    private PlainNumber() {
    }

    public static String of(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
