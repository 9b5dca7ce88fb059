package org.naoyu.decoder.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts a Mandarin syllable is made of: its initial consonant ({@code ""} for a zero initial), its final (the rest,
 * with pinyin's spelling rules undone so one final is one sound: {@code you} and {@code liu} share {@code iou},
 * {@code ju} has {@code ü}, written {@code v}), and its tone. A decoder that hears parts can name a syllable it never
 * heard whole from parts it did (the factorised decoders of Westlake's 2025 speech BCI; Duanmu, <i>The Phonology of
 * Standard Chinese</i>, for the analysis of finals).
 *
 * <p>Two readings follow the common phonological analysis rather than the spelling: the {@code o} of
 * {@code bo po mo fo} is the final {@code uo}, and the {@code i} after {@code z c s zh ch sh r} is the apical vowel,
 * written {@code -i}, not the {@code i} of {@code ji}. Syllables without a vowel ({@code m}, {@code n}, {@code ng},
 * {@code r}; {@code hm}, {@code hng} after an h) keep their letters as the final, and {@code yo} has the rare final
 * {@code io}.
 */
public record SyllableParts(String initial, String fin, int tone) {
    /** The 21 consonant initials, two-letter ones first so {@code zh} is not read as {@code z}. */
    public static final List<String> INITIALS = List.of("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
            "k", "h", "j", "q", "x", "r", "z", "c", "s");

    /** The initial head's outputs, in order: the zero initial ({@code ""}), then {@link #INITIALS}. */
    public static final List<String> INITIAL_LABELS = java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
            INITIALS.stream()).toList();

    /**
     * The final head's outputs, in order: the 37 standard finals, {@code yo}'s {@code io}, and the vowelless finals of
     * the syllabic nasals and {@code r}. Every syllable of the inventory has one of these ({@code SyllablePartsTest}).
     */
    public static final List<String> FINALS = List.of("a", "o", "e", "er", "ai", "ei", "ao", "ou", "an", "en", "ang",
            "eng", "ong", "-i", "i", "ia", "ie", "iao", "iou", "ian", "in", "iang", "ing", "iong", "io", "u", "ua", "uo",
            "uai", "uei", "uan", "uen", "uang", "ueng", "v", "ve", "van", "vn", "m", "n", "ng", "r");

    /** Parsed once per syllable: a decoder scores all 1,391 for each attempt. */
    private static final Map<TonedSyllable, SyllableParts> PARSED = new ConcurrentHashMap<>();

    public SyllableParts {
        if (initial == null || !(initial.isEmpty() || INITIALS.contains(initial))) {
            throw new IllegalArgumentException("initial must be one of " + INITIALS + " or empty, got '" + initial
                    + "'");
        }
        if (fin == null || fin.isEmpty()) {
            throw new IllegalArgumentException("a syllable's final must not be empty");
        }
        if (tone < 1 || tone > 5) {
            throw new IllegalArgumentException("tone must be in [1, 5] (5 = neutral), got " + tone);
        }
    }

    /** The parts of {@code syllable}. */
    public static SyllableParts of(TonedSyllable syllable) {
        return PARSED.computeIfAbsent(syllable, SyllableParts::parse);
    }

    /** Where this initial is in {@link #INITIAL_LABELS}. */
    public int initialIndex() {
        return INITIAL_LABELS.indexOf(initial);
    }

    /** Where this final is in {@link #FINALS}, or -1 for a final outside them (none in the inventory). */
    public int finalIndex() {
        return FINALS.indexOf(fin);
    }

    private static SyllableParts parse(TonedSyllable syllable) {
        String base = syllable.base();
        if (!base.matches(".*[aeiouv].*")) {
            // syllabic nasals and the like (m, n, ng, r; hm, hng): no vowel, so the consonants are the final
            return base.startsWith("h") && base.length() > 1
                    ? new SyllableParts("h", base.substring(1), syllable.tone())
                    : new SyllableParts("", base, syllable.tone());
        }
        String initial = "";
        for (String candidate : INITIALS) {
            if (base.startsWith(candidate) && base.length() > candidate.length()) {
                initial = candidate;
                break;
            }
        }
        return new SyllableParts(initial, finalOf(initial, base.substring(initial.length())), syllable.tone());
    }

    /** Undoes pinyin's spelling rules: y- and w- spellings, ü after j q x, the shortened iu ui un, bo's o. */
    private static String finalOf(String initial, String written) {
        if (initial.isEmpty()) {
            return zeroInitial(written);
        }
        if ("jqx".contains(initial) && written.startsWith("u")) {
            return "v" + written.substring(1); // ju = j + ü
        }
        if (written.equals("i") && List.of("z", "c", "s", "zh", "ch", "sh", "r").contains(initial)) {
            return "-i";
        }
        if (written.equals("o") && "bpmf".contains(initial)) {
            return "uo";
        }
        return switch (written) {
            case "iu" -> "iou";
            case "ui" -> "uei";
            case "un" -> "uen";
            case "ue" -> "ve"; // nüe, lüe are also written nue, lue
            default -> written;
        };
    }

    private static String zeroInitial(String written) {
        if (written.startsWith("yu")) {
            return "v" + written.substring(2); // yu yue yuan yun = ü üe üan ün
        }
        if (written.startsWith("yi")) {
            return "i" + written.substring(2); // yi yin ying = i in ing
        }
        if (written.startsWith("y")) {
            String rest = written.substring(1);
            return rest.equals("ou") ? "iou" : "i" + rest; // ya ye yao yan yang yong; you = iou
        }
        if (written.startsWith("wu")) {
            return "u" + written.substring(2);
        }
        if (written.startsWith("w")) {
            String rest = written.substring(1);
            return switch (rest) {
                case "ei" -> "uei";
                case "en" -> "uen";
                case "o" -> "uo";
                default -> "u" + rest; // wa wai wan wang weng
            };
        }
        return written; // a o e ai ei ao ou an en ang eng er, and the syllabic nasals m n ng
    }

    /** The syllable these parts spell, in pinyin as the inventory writes it. */
    @Override
    public String toString() {
        return (initial.isEmpty() ? "∅" : initial) + "+" + fin + tone;
    }
}
