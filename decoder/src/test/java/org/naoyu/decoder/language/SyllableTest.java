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
    void whatIsNotASyllableIsNamed() {
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
