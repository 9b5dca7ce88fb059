package org.naoyu.datasets.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.naoyu.datasets.corpus.Syllable;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.simulate.Phonetics.Manner;
import org.naoyu.datasets.simulate.Phonetics.Place;
import org.naoyu.datasets.simulate.Phonetics.Vowel;

class PhoneticsTest {

    @Test
    void everyBaseSyllableOfTheInventoryHasItsOwnArticulatoryScore() {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        List<String> same = new java.util.ArrayList<>();
        for (String base : SyllableInventory.standard().bases()) {
            String score = GesturalScore.of(Phonetics.of(base, 1)).toString();
            String other = seen.putIfAbsent(score, base);
            if (other != null) {
                same.add(other + "=" + base);
            }
        }
        // the model tells apart what articulation tells apart; what it merges differs only in ways it leaves out
        assertTrue(same.size() <= 20, "bases with identical scores: " + same);
    }

    @ParameterizedTest
    @CsvSource({
        "zhuang, zh, RETROFLEX, AFFRICATE, u, A_BACK, ng",
        "chi, ch, RETROFLEX, AFFRICATE_ASPIRATED, '', APICAL, ''",
        "ju, j, ALVEOLO_PALATAL, AFFRICATE, '', V, ''",
        "yue, '', NONE, NONE, v, E_FRONT, ''",
        "you, '', NONE, NONE, i, O U, ''",
        "wei, '', NONE, NONE, u, E_FRONT I, ''",
        "xiong, x, ALVEOLO_PALATAL, FRICATIVE, '', V, ng",
        "lv, l, ALVEOLAR, LATERAL, '', V, ''",
        "gui, g, VELAR, STOP, u, E_FRONT I, ''",
        "kun, k, VELAR, STOP_ASPIRATED, u, E, n",
        "ming, m, BILABIAL, NASAL, '', I, ng",
        "er, '', NONE, NONE, '', ER, r",
        "hao, h, VELAR, FRICATIVE, '', A U, ''",
        "bo, b, BILABIAL, STOP, u, O, ''",
        "jian, j, ALVEOLO_PALATAL, AFFRICATE, i, E_FRONT, n",
        "yuan, '', NONE, NONE, v, E_FRONT, n",
        "tang, t, ALVEOLAR, STOP_ASPIRATED, '', A_BACK, ng",
        "tan, t, ALVEOLAR, STOP_ASPIRATED, '', A, n",
        "lue, l, ALVEOLAR, LATERAL, v, E_FRONT, ''"})
    void undoesPinyinSpellingIntoArticulation(String base, String initial, Place place, Manner manner, String medial,
            String nucleus, String coda) {
        Phonetics p = Phonetics.of(base, 1);
        assertEquals(initial, p.initial());
        assertEquals(place, p.place());
        assertEquals(manner, p.manner());
        assertEquals(medial, p.medial() == 0 ? "" : String.valueOf(p.medial()));
        assertEquals(nucleus, p.nucleus().stream().map(Vowel::name).collect(Collectors.joining(" ")));
        assertEquals(coda, p.coda());
    }

    @Test
    void placeOfArticulationPicksTheArticulator() {
        assertEquals(Set.of(Articulator.LIPS), initialArticulators("ba"));
        assertEquals(Set.of(Articulator.TONGUE_TIP), initialArticulators("da"));
        assertEquals(Set.of(Articulator.TONGUE_BODY), initialArticulators("ga"));
        assertEquals(Set.of(Articulator.TONGUE_BLADE, Articulator.TONGUE_BODY), initialArticulators("ji"));
        assertTrue(articulators("ma").contains(Articulator.VELUM), "nasal initial lowers the velum");
        assertTrue(articulators("ban").contains(Articulator.VELUM), "nasal coda lowers the velum");
        assertTrue(!articulators("ba").contains(Articulator.VELUM), "an oral syllable does not");
    }

    @Test
    void tonesDifferOnlyInThePitchContourOfTheDorsalLarynx() {
        double[][] contours = new double[5][];
        for (int tone = 1; tone <= 5; tone++) {
            List<Gesture> score = GesturalScore.of(Phonetics.of("ma", tone));
            List<Gesture> flat = GesturalScore.of(Phonetics.of("ma", 1));
            assertEquals(flat.size(), score.size());
            for (int i = 0; i < score.size(); i++) {
                if (score.get(i).articulator() != Articulator.LARYNX_DORSAL) {
                    assertEquals(flat.get(i).toString(), score.get(i).toString(), "tone " + tone);
                } else {
                    contours[tone - 1] = new double[] {score.get(i).contourAt(0), score.get(i).contourAt(0.5),
                            score.get(i).contourAt(1)};
                }
            }
        }
        assertEquals(1.0, contours[0][0], 1e-9, "tone 1: high (Chao 5)");
        assertEquals(1.0, contours[0][2], 1e-9, "and level");
        assertTrue(contours[1][2] > contours[1][0], "tone 2 rises");
        assertTrue(contours[2][1] < contours[2][0] && contours[2][1] < contours[2][2], "tone 3 dips");
        assertTrue(contours[3][2] < contours[3][0], "tone 4 falls");
        assertTrue(GesturalScore.durationFactor(5) < 1 && GesturalScore.durationFactor(3) > 1);
    }

    @Test
    void refusesWhatIsNotASyllable() {
        assertEquals("'xyz' is not a Mandarin syllable: no vowel 'yz' in pinyin",
                assertThrows(IllegalArgumentException.class, () -> Phonetics.of("xyz", 1)).getMessage());
        assertEquals("tone must be in [1, 5] (5 = neutral), got 6",
                assertThrows(IllegalArgumentException.class, () -> Phonetics.of("ma", 6)).getMessage());
        assertEquals("base must be 1-6 lower-case pinyin letters, got 'Ma'",
                assertThrows(IllegalArgumentException.class, () -> Phonetics.of("Ma", 1)).getMessage());
    }

    private static Set<Articulator> articulators(String base) {
        return GesturalScore.of(Phonetics.of(base, 1)).stream().map(Gesture::articulator)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Articulator.class)));
    }

    /** Articulators whose gestures start at the syllable's onset, bar the larynx. */
    private static Set<Articulator> initialArticulators(String base) {
        return GesturalScore.of(Phonetics.of(base, 1)).stream().filter(g -> g.start() == 0)
                .map(Gesture::articulator).filter(a -> a != Articulator.LARYNX_VENTRAL)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Articulator.class)));
    }
}
