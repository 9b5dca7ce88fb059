package org.naoyu.datasets.corpus;

/**
 * A toned Mandarin syllable: {@code ma3} = base {@code ma}, tone 3. Tones are 1–4 and 5 for the neutral tone; ü is
 * written {@code v} ({@code lv4}, {@code nv3}), as in pinyin input methods.
 *
 * @param frequency  how often characters read this way occur in the jieba word list (weighted for polyphones)
 * @param characters the common characters with this reading, most frequent first
 */
public record Syllable(String toned, String base, int tone, long frequency, String characters) {
    public Syllable {
        if (base == null || !base.matches("[a-z]{1,6}")) {
            throw new IllegalArgumentException("base must be 1-6 lower-case letters, got '" + base + "'");
        }
        if (tone < 1 || tone > 5) {
            throw new IllegalArgumentException("tone must be in [1, 5] (5 = neutral), got " + tone);
        }
        if (!toned.equals(base + tone)) {
            throw new IllegalArgumentException("toned must be base + tone = " + base + tone + ", got '" + toned + "'");
        }
    }

    /** The most frequent character with this reading. */
    public String mostFrequentCharacter() {
        return characters.isEmpty() ? "" : new String(Character.toChars(characters.codePointAt(0)));
    }
}
