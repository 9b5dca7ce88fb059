package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SyllableTest {
    @Test
    void readsDigitsMarksAndTheWaysToWriteU() {
        assertEquals(new Syllable("ma", 3), Syllable.parse("ma3"));
        assertEquals(new Syllable("ma", 3), Syllable.parse("mǎ"));
        assertEquals(new Syllable("ma", 0), Syllable.parse("MA"));
        assertEquals(new Syllable("ma", 5), Syllable.parse("ma0"));
        assertEquals(new Syllable("lv", 4), Syllable.parse("lü4"));
        assertEquals(new Syllable("lv", 4), Syllable.parse("lu:4"));
        assertEquals(new Syllable("nv", 3), Syllable.parse("nǚ"));
        assertEquals(new Syllable("zhuang", 1), Syllable.parse("zhuāng"));
        assertEquals("ma3", Syllable.parse("ma3").toString());
        assertEquals("ma", Syllable.parse("ma").toString());
    }

    @Test
    void readsTheSyllablesOutsideTheCommonTable() {
        assertEquals(new Syllable("ê", 4), Syllable.parse("ê4"));
        assertEquals(new Syllable("ê", 2), Syllable.parse("ế"), "circumflex and acute on one letter");
        assertEquals(new Syllable("ê", 1), Syllable.parse("ê̄"), "ê with a combining macron");
        assertEquals(new Syllable("ê", 3), Syllable.parse("EH3"), "the ASCII spelling input methods accept");
        assertEquals(new Syllable("m", 1), Syllable.parse("m̄"), "a tone mark on a consonant");
        assertEquals(new Syllable("ng", 3), Syllable.parse("ňg"));
        assertEquals(new Syllable("hm", 0), Syllable.parse("hm"));
        assertEquals("ê4", Syllable.parse("ê4").toString());
    }

    @Test
    void whatIsNotASyllableIsNamed() {
        assertEquals("'â' is not a pinyin syllable (a circumflex marks ê and must follow e)",
                assertThrows(IllegalArgumentException.class, () -> Syllable.parse("â")).getMessage());
        assertEquals("'ma6' is not a pinyin syllable (unexpected '6')",
                assertThrows(IllegalArgumentException.class, () -> Syllable.parse("ma6")).getMessage());
        assertEquals("'3' is not a pinyin syllable (unexpected '3')",
                assertThrows(IllegalArgumentException.class, () -> Syllable.parse("3")).getMessage());
        assertEquals("'m-a' is not a pinyin syllable (unexpected '-')",
                assertThrows(IllegalArgumentException.class, () -> Syllable.parse("m-a")).getMessage());
        assertEquals("'zhuangg' is not a pinyin syllable",
                assertThrows(IllegalArgumentException.class, () -> Syllable.parse("zhuangg")).getMessage());
    }
}
