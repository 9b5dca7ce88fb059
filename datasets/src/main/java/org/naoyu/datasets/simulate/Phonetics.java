package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The articulatory make-up of a Mandarin syllable, from its pinyin: initial (place and manner of articulation,
 * aspiration), medial glide, nucleus vowels (height, backness, rounding), coda (n, ng) and tone (Chao's five-level
 * pitch contour). Spelling conventions are undone first: {@code yi → i}, {@code wu → u}, {@code yu → ü},
 * {@code ju → jü}, {@code iu → iou}, {@code ui → uei}, {@code un → uen}; ü is written {@code v}.
 *
 * @param initial the initial consonant ({@code ""} for a zero initial)
 * @param place   its place of articulation
 * @param manner  its manner
 * @param medial  the medial glide, {@code 'i'}, {@code 'u'}, {@code 'v'} or {@code 0}
 * @param nucleus one vowel, two for a diphthong, none for a syllabic nasal
 * @param coda    {@code ""}, {@code "n"}, {@code "ng"}, {@code "r"} (er, 儿化) or {@code "m"} (a syllabic nasal)
 * @param tone    1–4, 5 for the neutral tone
 */
public record Phonetics(String initial, Place place, Manner manner, char medial, List<Vowel> nucleus, String coda,
        int tone) {

    /** Place of articulation of an initial. */
    public enum Place { NONE, BILABIAL, LABIODENTAL, ALVEOLAR, RETROFLEX, ALVEOLO_PALATAL, VELAR }

    /** Manner of articulation; the {@code _ASPIRATED} kinds open the glottis after the release. */
    public enum Manner { NONE, STOP, STOP_ASPIRATED, AFFRICATE, AFFRICATE_ASPIRATED, FRICATIVE, NASAL, LATERAL,
        APPROXIMANT;

        boolean aspirated() {
            return this == STOP_ASPIRATED || this == AFFRICATE_ASPIRATED;
        }
    }

    /**
     * A vowel target: {@code height} 0 (open) to 1 (close), {@code backness} 0 (front) to 1 (back), rounding.
     * {@code APICAL} is the buzzed vowel of {@code zi, ci, si, zhi, chi, shi, ri}, held with the tongue tip.
     */
    public enum Vowel {
        A(0.0, 0.5, false), A_BACK(0.0, 0.85, false), O(0.5, 1.0, true), E(0.5, 0.8, false), E_FRONT(0.5, 0.0, false), I(1.0, 0.0, false),
        U(1.0, 1.0, true), V(1.0, 0.0, true), APICAL(0.9, 0.4, false), ER(0.5, 0.5, false);

        final double height;
        final double backness;
        final boolean rounded;

        Vowel(double height, double backness, boolean rounded) {
            this.height = height;
            this.backness = backness;
            this.rounded = rounded;
        }
    }

    private static final Map<String, Object[]> INITIALS = Map.ofEntries(
            Map.entry("b", new Object[] {Place.BILABIAL, Manner.STOP}),
            Map.entry("p", new Object[] {Place.BILABIAL, Manner.STOP_ASPIRATED}),
            Map.entry("m", new Object[] {Place.BILABIAL, Manner.NASAL}),
            Map.entry("f", new Object[] {Place.LABIODENTAL, Manner.FRICATIVE}),
            Map.entry("d", new Object[] {Place.ALVEOLAR, Manner.STOP}),
            Map.entry("t", new Object[] {Place.ALVEOLAR, Manner.STOP_ASPIRATED}),
            Map.entry("n", new Object[] {Place.ALVEOLAR, Manner.NASAL}),
            Map.entry("l", new Object[] {Place.ALVEOLAR, Manner.LATERAL}),
            Map.entry("z", new Object[] {Place.ALVEOLAR, Manner.AFFRICATE}),
            Map.entry("c", new Object[] {Place.ALVEOLAR, Manner.AFFRICATE_ASPIRATED}),
            Map.entry("s", new Object[] {Place.ALVEOLAR, Manner.FRICATIVE}),
            Map.entry("zh", new Object[] {Place.RETROFLEX, Manner.AFFRICATE}),
            Map.entry("ch", new Object[] {Place.RETROFLEX, Manner.AFFRICATE_ASPIRATED}),
            Map.entry("sh", new Object[] {Place.RETROFLEX, Manner.FRICATIVE}),
            Map.entry("r", new Object[] {Place.RETROFLEX, Manner.APPROXIMANT}),
            Map.entry("j", new Object[] {Place.ALVEOLO_PALATAL, Manner.AFFRICATE}),
            Map.entry("q", new Object[] {Place.ALVEOLO_PALATAL, Manner.AFFRICATE_ASPIRATED}),
            Map.entry("x", new Object[] {Place.ALVEOLO_PALATAL, Manner.FRICATIVE}),
            Map.entry("g", new Object[] {Place.VELAR, Manner.STOP}),
            Map.entry("k", new Object[] {Place.VELAR, Manner.STOP_ASPIRATED}),
            Map.entry("h", new Object[] {Place.VELAR, Manner.FRICATIVE}));

    public Phonetics {
        nucleus = List.copyOf(nucleus);
    }

    /** Analyses a toneless pinyin base ({@code zhuang}, {@code lv}, {@code yue}) with a tone. */
    public static Phonetics of(String base, int tone) {
        if (base == null || !base.matches("[a-z]{1,6}")) {
            throw new IllegalArgumentException("base must be 1-6 lower-case pinyin letters, got '" + base + "'");
        }
        if (tone < 1 || tone > 5) {
            throw new IllegalArgumentException("tone must be in [1, 5] (5 = neutral), got " + tone);
        }
        if (base.equals("m") || base.equals("n") || base.equals("ng") || base.equals("r")) {
            // syllabic nasals (呣 m, 嗯 n/ng) and the bare rhotic suffix (儿化 r): a coda with no vowel
            return new Phonetics("", Place.NONE, Manner.NONE, (char) 0, List.of(), base, tone);
        }
        String initial = "";
        for (String candidate : new String[] {base.length() > 1 ? base.substring(0, 2) : "", base.substring(0, 1)}) {
            if (INITIALS.containsKey(candidate) && base.length() > candidate.length()) {
                initial = candidate;
                break;
            }
        }
        String fin = normalFinal(initial, base.substring(initial.length()));
        Object[] kind = INITIALS.getOrDefault(initial, new Object[] {Place.NONE, Manner.NONE});
        String coda = "";
        if (fin.equals("er")) {
            return new Phonetics(initial, (Place) kind[0], (Manner) kind[1], (char) 0, List.of(Vowel.ER), "r", tone);
        }
        if (fin.endsWith("ng")) {
            coda = "ng";
        } else if (fin.endsWith("n")) {
            coda = "n";
        }
        String vowels = fin.substring(0, fin.length() - coda.length());
        char medial = 0;
        if (vowels.length() > 1 && "iuv".indexOf(vowels.charAt(0)) >= 0) {
            medial = vowels.charAt(0);
            vowels = vowels.substring(1);
        }
        List<Vowel> nucleus = nucleus(vowels, medial, initial, base);
        if (nucleus.equals(List.of(Vowel.A)) && coda.equals("n") && (medial == 'i' || medial == 'v')) {
            nucleus = List.of(Vowel.E_FRONT); // -ian, -üan: the vowel is raised to [ɛ]
        } else if (nucleus.equals(List.of(Vowel.A)) && coda.equals("ng")) {
            nucleus = List.of(Vowel.A_BACK); // -ang: back [ɑ], unlike front [a] in -an
        }
        return new Phonetics(initial, (Place) kind[0], (Manner) kind[1], medial, nucleus, coda, tone);
    }

    /** Undoes pinyin's spelling rules so the final shows its medial, nucleus and coda. */
    private static String normalFinal(String initial, String fin) {
        if (initial.isEmpty()) {
            if (fin.startsWith("yu")) {
                fin = "v" + fin.substring(2);
            } else if (fin.startsWith("yi")) {
                fin = fin.substring(1);
            } else if (fin.startsWith("y")) {
                fin = "i" + fin.substring(1);
            } else if (fin.startsWith("wu")) {
                fin = fin.substring(1);
            } else if (fin.startsWith("w")) {
                fin = "u" + fin.substring(1);
            }
        } else if ("jqx".contains(initial) && fin.startsWith("u")) {
            fin = "v" + fin.substring(1);
        } else if (("l".equals(initial) || "n".equals(initial)) && fin.equals("ue")) {
            fin = "ve"; // lüe, nüe as typed without ü
        } else if ("bpmf".contains(initial) && !initial.isEmpty() && fin.equals("o")) {
            fin = "uo"; // bo, po, mo, fo are pronounced [puo] etc.
        }
        return switch (fin) {
            case "iu" -> "iou";
            case "ui" -> "uei";
            case "un" -> "uen";
            case "vn" -> "vn";
            case "ong" -> "ung";
            case "iong" -> "vng";
            default -> fin;
        };
    }

    private static List<Vowel> nucleus(String vowels, char medial, String initial, String base) {
        List<Vowel> nucleus = new ArrayList<>(2);
        if (vowels.isEmpty()) { // in, ing, vn, ung: the glide is the vowel
            nucleus.add(vowelOf(medial, base));
            return nucleus;
        }
        boolean frontContext = medial == 'i' || medial == 'v';
        switch (vowels) {
            case "a" -> nucleus.add(Vowel.A);
            case "o" -> nucleus.add(Vowel.O);
            case "e" -> nucleus.add(frontContext ? Vowel.E_FRONT : Vowel.E);
            case "i" -> nucleus.add(isSibilant(initial) ? Vowel.APICAL : Vowel.I);
            case "u" -> nucleus.add(Vowel.U);
            case "v" -> nucleus.add(Vowel.V);
            case "ai" -> nucleus.addAll(List.of(Vowel.A, Vowel.I));
            case "ei" -> nucleus.addAll(List.of(Vowel.E_FRONT, Vowel.I));
            case "ao" -> nucleus.addAll(List.of(Vowel.A, Vowel.U));
            case "ou" -> nucleus.addAll(List.of(Vowel.O, Vowel.U));
            default -> throw new IllegalArgumentException("'" + base + "' is not a Mandarin syllable: no vowel '"
                    + vowels + "' in pinyin");
        }
        return nucleus;
    }

    private static Vowel vowelOf(char glide, String base) {
        return switch (glide) {
            case 'i' -> Vowel.I;
            case 'u' -> Vowel.U;
            case 'v' -> Vowel.V;
            default -> throw new IllegalArgumentException("'" + base + "' is not a Mandarin syllable: it has no vowel");
        };
    }

    private static boolean isSibilant(String initial) {
        return switch (initial) {
            case "z", "c", "s", "zh", "ch", "sh", "r" -> true;
            default -> false;
        };
    }

    /** Chao's pitch contour of the tone on the five-level scale (1 low … 5 high): 55, 35, 214, 51 and a short 3. */
    public double[] chaoContour() {
        return switch (tone) {
            case 1 -> new double[] {5, 5};
            case 2 -> new double[] {3, 5};
            case 3 -> new double[] {2, 1, 4};
            case 4 -> new double[] {5, 1};
            default -> new double[] {3, 3};
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(%s %s)%s%s%s tone %d", initial.isEmpty() ? "∅" : initial, place,
                manner, medial == 0 ? "" : " medial " + medial, " " + nucleus, coda.isEmpty() ? "" : " coda " + coda,
                tone);
    }
}
