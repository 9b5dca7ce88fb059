package org.naoyu.decoder.language;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One pinyin syllable as typed or decoded: its base ({@code ma}, {@code lv}, ü written v) and tone 1-5 (5 neutral),
 * or 0 when the tone was not given. Parses {@code ma3}, {@code ma}, {@code mǎ}, {@code lü4}, {@code lu:4},
 * {@code nǚ}, {@code ê4} (欸, also typed {@code eh4}), {@code m̄} and {@code ňg} (marks on a consonant), upper or lower
 * case; whether the base exists is the {@link Lexicon}'s business.
 */
public record Syllable(String base, int tone) {
    public static final int TONELESS = 0;

    public Syllable {
        if (!isBaseSpelling(base)) {
            throw new IllegalArgumentException("a pinyin base is 1-6 letters a-z (ü as v) or ê, got '" + base + "'");
        }
        if (tone < 0 || tone > 5) {
            throw new IllegalArgumentException("tone must be 0 (not given) or 1-5, got " + tone);
        }
    }

    private static boolean isBaseSpelling(String base) {
        if (base == null || base.isEmpty() || base.length() > 6) {
            return false;
        }
        for (int i = 0; i < base.length(); i++) {
            if ((base.charAt(i) < 'a' || base.charAt(i) > 'z') && base.charAt(i) != 'ê') {
                return false;
            }
        }
        return true;
    }

    public boolean toned() {
        return tone != TONELESS;
    }

    /** {@code ma3}, or the bare base when toneless. */
    @Override
    public String toString() {
        return toned() ? base + tone : base;
    }

    /**
     * Parses one syllable: letters with an optional tone digit (0 and 5 both mean neutral) or tone marks.
     *
     * @throws IllegalArgumentException naming the text when it is not written like a syllable
     */
    public static Syllable parse(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder();
        int tone = TONELESS;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (c) {
                case '\u0304' -> tone = 1; // macron: ā
                case '\u0301' -> tone = 2; // acute: á
                case '\u030c' -> tone = 3; // caron: ǎ
                case '\u0300' -> tone = 4; // grave: à
                case '\u0302' -> { // circumflex: ê, the vowel of 欸
                    if (letters.length() == 0 || letters.charAt(letters.length() - 1) != 'e') {
                        throw new IllegalArgumentException("'" + text + "' is not a pinyin syllable (a circumflex "
                                + "marks ê and must follow e)");
                    }
                    letters.setCharAt(letters.length() - 1, 'ê');
                }
                case '\u0308' -> { // diaeresis: ü is v
                    if (letters.length() > 0 && letters.charAt(letters.length() - 1) == 'u') {
                        letters.setCharAt(letters.length() - 1, 'v');
                    }
                }
                case ':' -> { // lu:4
                    if (letters.length() == 0 || letters.charAt(letters.length() - 1) != 'u') {
                        throw new IllegalArgumentException("'" + text + "' is not a pinyin syllable (':' marks ü and "
                                + "must follow u)");
                    }
                    letters.setCharAt(letters.length() - 1, 'v');
                }
                default -> {
                    if (c >= '0' && c <= '5' && i == decomposed.length() - 1 && letters.length() > 0) {
                        tone = c == '0' ? 5 : c - '0';
                    } else if (c >= 'a' && c <= 'z') {
                        letters.append(c);
                    } else {
                        throw new IllegalArgumentException("'" + text + "' is not a pinyin syllable (unexpected '"
                                + c + "')");
                    }
                }
            }
        }
        if (letters.length() == 0 || letters.length() > 6) {
            throw new IllegalArgumentException("'" + text + "' is not a pinyin syllable");
        }
        String base = letters.toString();
        if (base.equals("lue") || base.equals("nue")) {
            base = base.charAt(0) + "ve"; // as typed for lüe, nüe: lu and nu never take e
        } else if (base.equals("eh")) {
            base = "ê"; // the ASCII spelling of ê that input methods accept
        }
        return new Syllable(base, tone);
    }
}
