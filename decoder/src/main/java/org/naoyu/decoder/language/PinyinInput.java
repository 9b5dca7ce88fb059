package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed pinyin to syllable lattices, as an input method reads it: syllables separated by spaces or apostrophes, or
 * run together ({@code woxianghe shui}, {@code wo3xiang3he1shui3}) and cut every way the lexicon's syllables allow
 * ({@code xian} is xian or xi'an: the language model chooses); tones as digits, as marks ({@code mǎ}) or left out, in
 * any mix. Punctuation (ASCII or full-width) and hanzi pass through, ASCII , . ? ! ; : ( ) as their full-width
 * forms (a straight quote stays as typed: whether it opens or closes is not known), and so do numbers (a digit that does not follow a syllable); the text between them is decoded piece by piece.
 */
public final class PinyinInput {
    private static final Map<Character, String> PUNCTUATION = Map.ofEntries(
            Map.entry(',', "，"), Map.entry('.', "。"), Map.entry('?', "？"), Map.entry('!', "！"),
            Map.entry(';', "；"), Map.entry(':', "："), Map.entry('(', "（"), Map.entry(')', "）"),
            Map.entry('"', "\""), Map.entry('-', "—"));
    private static final String FULL_WIDTH = "，。？！；：、“”‘’（）《》…—·";
    /** Longest syllable as typed: six letters and a tone digit. */
    private static final int LONGEST = 7;

    /** A piece of the line: a lattice to decode, or text that passes through. */
    public record Piece(SyllableLattice lattice, String text) {
        public boolean passesThrough() {
            return lattice == null;
        }
    }

    private PinyinInput() {
    }

    /**
     * @throws IllegalArgumentException naming the word and its column when a word is neither pinyin nor passes
     *                                  through (Latin text, a misspelt syllable)
     */
    public static List<Piece> parse(String line, Lexicon lexicon) {
        List<Piece> pieces = new ArrayList<>();
        SyllableLattice current = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\'' || c == '\uFEFF') {
                i++; // spaces of any kind, a byte-order mark, and the apostrophe that separates syllables
                continue;
            }
            String passed = passThrough(c);
            if (passed != null) {
                if (current != null) {
                    pieces.add(new Piece(current, null));
                    current = null;
                }
                pieces.add(new Piece(null, passed));
                i++;
                continue;
            }
            int end = i;
            while (end < line.length() && isPinyinChar(line, end)) {
                end++;
            }
            if (end == i) {
                int codePoint = line.codePointAt(i);
                String hex = String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
                if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                    // a hanzi outside the Basic Multilingual Plane (𠮷): passes through like the others
                    if (current != null) {
                        pieces.add(new Piece(current, null));
                        current = null;
                    }
                    pieces.add(new Piece(null, new String(Character.toChars(codePoint))));
                    i += Character.charCount(codePoint);
                    continue;
                }
                throw new IllegalArgumentException("column " + (line.codePointCount(0, i) + 1) + ": '"
                        + new String(Character.toChars(codePoint)) + "' (" + hex + ") is neither pinyin, hanzi nor "
                        + "punctuation");
            }
            if (current == null) {
                current = new SyllableLattice();
            }
            addRun(current, line.substring(i, end), line.codePointCount(0, i) + 1, lexicon);
            i = end;
        }
        if (current != null) {
            pieces.add(new Piece(current, null));
        }
        return pieces;
    }

    /**
     * The line with its tones removed, digits and marks alike ({@code wo3 ài} → {@code wo ai}); ü keeps its
     * diaeresis. Numbers (digits not after a letter) stay.
     */
    public static String withoutTones(String line) {
        String decomposed = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD)
                .replaceAll("[\u0304\u0301\u030c\u0300]", "")
                .replaceAll("(?<=[a-zA-Z:\u0308\u0302])[0-5]+", "");
        return java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC);
    }

    private static String passThrough(char c) {
        if (PUNCTUATION.containsKey(c)) {
            return PUNCTUATION.get(c);
        }
        if (FULL_WIDTH.indexOf(c) >= 0 || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.isDigit(c)) { // a digit here starts a number: tone digits follow letters in a run
            return String.valueOf(c);
        }
        return null;
    }

    private static boolean isPinyinChar(String line, int at) {
        char c = line.charAt(at);
        if (c == ':') { // lu:4 writes ü; any other colon is punctuation
            return at > 0 && (line.charAt(at - 1) == 'u' || line.charAt(at - 1) == 'U');
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '5') {
            return true;
        }
        if (c >= '\u0300' && c <= '\u030c') { // a combining mark on the letter before it: m̄, n̄g, ê̄
            return at > 0 && isPinyinChar(line, at - 1) && !Character.isDigit(line.charAt(at - 1));
        }
        // letters with tone marks, a diaeresis or a circumflex: ā á ǎ à ē … ü ǘ ǚ ǜ ê ế ḿ ň
        char base = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD).charAt(0);
        return c > 127 && (base >= 'a' && base <= 'z' || base >= 'A' && base <= 'Z');
    }

    /** Adds every way to cut {@code run} into syllables, as arcs after the lattice's current end. */
    private static void addRun(SyllableLattice lattice, String run, int column, Lexicon lexicon) {
        int n = run.length();
        boolean[] reachesEnd = new boolean[n + 1];
        reachesEnd[n] = true;
        Syllable[][] pieces = new Syllable[n + 1][LONGEST + 1];
        for (int from = n - 1; from >= 0; from--) {
            for (int length = 1; length <= LONGEST && from + length <= n; length++) {
                if (!reachesEnd[from + length]) {
                    continue;
                }
                Syllable syllable = syllableOrNull(run.substring(from, from + length), lexicon);
                if (syllable != null) {
                    pieces[from][length] = syllable;
                    reachesEnd[from] = true;
                }
            }
        }
        if (!reachesEnd[0]) {
            throw new IllegalArgumentException("column " + column + ": '" + run + "' is not pinyin (no way to read it "
                    + "as syllables)");
        }
        int offset = lattice.end();
        boolean[] reached = new boolean[n + 1];
        reached[0] = true;
        for (int from = 0; from < n; from++) {
            if (!reached[from]) {
                continue;
            }
            for (int length = 1; length <= LONGEST && from + length <= n; length++) {
                Syllable syllable = pieces[from][length];
                if (syllable != null) {
                    reached[from + length] = true;
                    lattice.add(new SyllableLattice.Arc(offset + from, offset + from + length,
                            List.of(new SyllableLattice.Candidate(syllable, 0))));
                }
            }
        }
    }

    private static Syllable syllableOrNull(String text, Lexicon lexicon) {
        if (text.charAt(0) >= '0' && text.charAt(0) <= '5' || text.charAt(0) == ':') {
            return null; // a tone digit belongs to the syllable before it
        }
        try {
            Syllable syllable = Syllable.parse(text);
            return lexicon.isBase(syllable.base()) ? syllable : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
