package org.naoyu.decoder.data;

/**
 * A decoding target: a toned Mandarin syllable such as {@code ma3} — base {@code ma} (ü written v) and tone 1-4, or 5
 * for the neutral tone. The decoder predicts base and tone with two heads and combines them into toned syllables.
 */
public record TonedSyllable(String base, int tone) {
    public TonedSyllable {
        if (base == null || !base.matches("[a-z]{1,6}")) {
            throw new IllegalArgumentException("base must be 1-6 lower-case pinyin letters, got '" + base + "'");
        }
        if (tone < 1 || tone > 5) {
            throw new IllegalArgumentException("tone must be in [1, 5] (5 = neutral), got " + tone);
        }
    }

    /** Reads {@code ma3}. */
    public static TonedSyllable parse(String toned) {
        if (toned == null || !toned.matches("[a-z]{1,6}[1-5]")) {
            throw new IllegalArgumentException("a toned syllable is 1-6 lower-case letters and a tone digit 1-5 such as "
                    + "ma3, got '" + toned + "'");
        }
        return new TonedSyllable(toned.substring(0, toned.length() - 1), toned.charAt(toned.length() - 1) - '0');
    }

    public String toned() {
        return base + tone;
    }

    @Override
    public String toString() {
        return toned();
    }
}
