package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The gestural score of a syllable (Browman and Goldstein's articulatory phonology): which articulators engage, when
 * within the syllable and how strongly. The initial occupies the first fifth to quarter, a medial glide follows,
 * the nucleus vowel(s) fill the middle, a nasal coda closes; voicing (ventral larynx) spans the voiced part and the
 * tone's Chao contour drives the dorsal laryngeal area (pitch), so tones differ in the time course of one region
 * rather than in where activity is. Amplitudes are relative (the strongest gesture of an articulator is 1).
 */
public final class GesturalScore {
    /** Typical duration of an attempted syllable at a deliberate pace; tones scale it ({@link #durationFactor}). */
    public static final double SYLLABLE_SECONDS = 0.36;

    private GesturalScore() {
    }

    /** The gestures of a syllable. */
    public static List<Gesture> of(Phonetics syllable) {
        List<Gesture> gestures = new ArrayList<>();
        double voiceStart = initial(syllable, gestures);
        double nucleusStart = voiceStart;
        if (syllable.medial() != 0 && !syllable.nucleus().isEmpty()) {
            vowel(gestures, glideVowel(syllable.medial()), voiceStart, voiceStart + 0.2, 0.7);
            nucleusStart = voiceStart + 0.12;
        }
        double nucleusEnd = syllable.coda().isEmpty() ? 0.95 : 0.75;
        List<Phonetics.Vowel> nucleus = syllable.nucleus();
        if (nucleus.size() == 1) {
            vowel(gestures, nucleus.get(0), nucleusStart, nucleusEnd, 1.0);
        } else if (nucleus.size() == 2) {
            double middle = (nucleusStart + nucleusEnd) / 2;
            vowel(gestures, nucleus.get(0), nucleusStart, middle + 0.05, 1.0);
            vowel(gestures, nucleus.get(1), middle - 0.05, nucleusEnd, 0.8);
        }
        double codaStart = nucleus.isEmpty() ? voiceStart : nucleusEnd - 0.05;
        coda(syllable.coda(), codaStart, gestures);
        gestures.add(new Gesture(Articulator.LARYNX_VENTRAL, voiceStart, 1.0, 0.5)); // voicing
        gestures.add(tone(syllable, voiceStart));
        return List.copyOf(gestures);
    }

    /** Neutral-tone syllables are short and the dipping third tone long, as in speech (Xu 1997). */
    public static double durationFactor(int tone) {
        return switch (tone) {
            case 3 -> 1.15;
            case 5 -> 0.7;
            default -> 1.0;
        };
    }

    /** Adds the initial's gestures; returns where voicing starts. */
    private static double initial(Phonetics syllable, List<Gesture> gestures) {
        Phonetics.Manner manner = syllable.manner();
        if (syllable.place() == Phonetics.Place.NONE) {
            if (syllable.medial() != 0) {
                return 0; // y-, w-, yu-: the glide itself opens the syllable, voiced
            }
            gestures.add(new Gesture(Articulator.LARYNX_VENTRAL, 0, 0.12, 0.4)); // glottal onset of a, e, o, er
            return 0.05;
        }
        double end = switch (manner) {
            case FRICATIVE, AFFRICATE, AFFRICATE_ASPIRATED -> 0.28;
            case STOP, STOP_ASPIRATED -> 0.18;
            default -> 0.22;
        };
        double strength = manner == Phonetics.Manner.FRICATIVE || manner == Phonetics.Manner.APPROXIMANT ? 0.75 : 1.0;
        switch (syllable.place()) {
            case BILABIAL -> gestures.add(new Gesture(Articulator.LIPS, 0, end, strength));
            case LABIODENTAL -> {
                gestures.add(new Gesture(Articulator.LIPS, 0, end, strength));
                gestures.add(new Gesture(Articulator.JAW, 0, end, 0.25));
            }
            case ALVEOLAR -> {
                gestures.add(new Gesture(Articulator.TONGUE_TIP, 0, end, strength));
                if (manner == Phonetics.Manner.LATERAL) {
                    gestures.add(new Gesture(Articulator.TONGUE_BODY, 0, end, 0.35));
                }
            }
            case RETROFLEX -> {
                gestures.add(new Gesture(Articulator.TONGUE_BLADE, 0, end, strength));
                gestures.add(new Gesture(Articulator.TONGUE_TIP, 0, end, 0.5));
            }
            case ALVEOLO_PALATAL -> {
                gestures.add(new Gesture(Articulator.TONGUE_BLADE, 0, end, strength));
                gestures.add(new Gesture(Articulator.TONGUE_BODY, 0, end, 0.4));
            }
            case VELAR -> gestures.add(new Gesture(Articulator.TONGUE_BODY, 0, end, strength));
            default -> throw new IllegalStateException("unhandled place " + syllable.place());
        }
        if (manner == Phonetics.Manner.NASAL) {
            gestures.add(new Gesture(Articulator.VELUM, 0, end + 0.04, 0.8));
        }
        if (manner.aspirated()) { // the glottis opens after the release: voicing starts late
            gestures.add(new Gesture(Articulator.LARYNX_VENTRAL, end - 0.06, end + 0.14, 0.7));
            return end + 0.1;
        }
        if (manner == Phonetics.Manner.NASAL || manner == Phonetics.Manner.LATERAL
                || manner == Phonetics.Manner.APPROXIMANT) {
            return 0; // sonorant initials are voiced from the start
        }
        return manner == Phonetics.Manner.FRICATIVE && syllable.place() != Phonetics.Place.RETROFLEX ? end : end - 0.04;
    }

    private static Phonetics.Vowel glideVowel(char medial) {
        return switch (medial) {
            case 'i' -> Phonetics.Vowel.I;
            case 'u' -> Phonetics.Vowel.U;
            default -> Phonetics.Vowel.V;
        };
    }

    /** A vowel target: jaw by openness, tongue blade for front-close, tongue body for back, lips for rounding. */
    private static void vowel(List<Gesture> gestures, Phonetics.Vowel vowel, double start, double end, double scale) {
        double openness = 1 - vowel.height;
        gestures.add(new Gesture(Articulator.JAW, start, end, scale * (0.2 + 0.8 * openness)));
        double front = (1 - vowel.backness) * vowel.height;
        if (vowel == Phonetics.Vowel.APICAL) {
            gestures.add(new Gesture(Articulator.TONGUE_TIP, start, end, scale * 0.6));
        } else if (vowel == Phonetics.Vowel.ER) {
            // the rhotic tongue blade comes with the r coda the analysis gives er
        } else if (front > 0.05) {
            gestures.add(new Gesture(Articulator.TONGUE_BLADE, start, end, scale * (0.3 + 0.7 * front)));
        }
        if (vowel.backness > 0.1 && vowel != Phonetics.Vowel.APICAL) {
            gestures.add(new Gesture(Articulator.TONGUE_BODY, start, end,
                    scale * (0.2 + 0.6 * vowel.backness * (0.4 + 0.6 * vowel.height))));
        }
        gestures.add(new Gesture(Articulator.LIPS, start, end, scale * (vowel.rounded ? 0.85
                : vowel == Phonetics.Vowel.I ? 0.3 : 0.1)));
    }

    private static void coda(String coda, double start, List<Gesture> gestures) {
        switch (coda) {
            case "n" -> {
                gestures.add(new Gesture(Articulator.TONGUE_TIP, start, 1.0, 0.8));
                gestures.add(new Gesture(Articulator.VELUM, start, 1.0, 0.8));
            }
            case "ng" -> {
                gestures.add(new Gesture(Articulator.TONGUE_BODY, start, 1.0, 0.8));
                gestures.add(new Gesture(Articulator.VELUM, start, 1.0, 0.8));
            }
            case "m" -> {
                gestures.add(new Gesture(Articulator.LIPS, start, 1.0, 0.8));
                gestures.add(new Gesture(Articulator.VELUM, start, 1.0, 0.8));
            }
            case "r" -> gestures.add(new Gesture(Articulator.TONGUE_BLADE, start, 1.0, 0.7));
            case "" -> {
            }
            default -> throw new IllegalArgumentException("coda must be '', n, ng, m or r, got '" + coda + "'");
        }
    }

    /** Pitch drives the dorsal laryngeal area: level = 0.2 + 0.8 · (Chao − 1) / 4, so low pitch still engages it. */
    private static Gesture tone(Phonetics syllable, double voiceStart) {
        double[] chao = syllable.chaoContour();
        double[] level = new double[chao.length];
        for (int i = 0; i < chao.length; i++) {
            level[i] = 0.2 + 0.8 * (chao[i] - 1) / 4;
        }
        return new Gesture(Articulator.LARYNX_DORSAL, voiceStart, 1.0, syllable.tone() == 5 ? 0.6 : 1.0, level);
    }
}
