package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyllableConfusionTest {
    private static Lexicon lexicon;

    @BeforeAll
    static void load() {
        lexicon = Lexicon.shipped();
    }

    @Test
    void theSaidSyllableRanksFirstAsOftenAsAsked() {
        Random random = new Random(3);
        for (double accuracy : new double[] {0.4, 0.7, 0.9}) {
            SyllableConfusion confusion = new SyllableConfusion(lexicon, accuracy);
            int first = 0;
            int n = 4000;
            for (int i = 0; i < n; i++) {
                Syllable said = i % 2 == 0 ? Syllable.parse("ma3") : Syllable.parse("shi4");
                List<SyllableLattice.Candidate> slot = confusion.attempt(said, random);
                assertEquals(SyllableConfusion.KEPT, slot.size());
                first += slot.get(0).syllable().equals(said) ? 1 : 0;
                for (int k = 1; k < slot.size(); k++) {
                    assertTrue(slot.get(k).logProb() <= slot.get(k - 1).logProb(), "best first");
                }
                assertEquals(slot.size(), slot.stream().map(SyllableLattice.Candidate::syllable).distinct().count());
            }
            assertEquals(accuracy, first / (double) n, 0.03, "accuracy " + accuracy);
        }
    }

    @Test
    void mistakesSoundLikeTheSaidSyllable() {
        SyllableConfusion confusion = new SyllableConfusion(lexicon, 0.5);
        List<Syllable> similar = confusion.similar(Syllable.parse("zhang1"), new Random(1));
        assertEquals(SyllableConfusion.ALTERNATIVES, similar.size());
        long alike = similar.stream().filter(s -> s.base().equals("zhang") || s.base().equals("zhan")
                || s.base().equals("chang") || s.base().equals("shang") || s.base().equals("zang")
                || s.base().equals("rang")).count();
        assertTrue(alike >= 7, similar.toString());
        assertEquals("zh", SyllableConfusion.initial("zhang"));
        assertEquals("", SyllableConfusion.initial("ang"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyllableConfusion(lexicon, 1.0))
                .getMessage().startsWith("accuracy must be in [0.1, 1)"));
    }
}
