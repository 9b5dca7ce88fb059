package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PinyinInputTest {
    private static Lexicon lexicon;

    @BeforeAll
    static void load() {
        lexicon = Lexicon.shipped();
    }

    private static List<String> arcs(SyllableLattice lattice) {
        List<String> out = new java.util.ArrayList<>();
        for (int p = 0; p <= lattice.end(); p++) {
            for (SyllableLattice.Arc arc : lattice.from(p)) {
                out.add(arc.from() + "-" + arc.to() + ":" + arc.candidates().get(0).syllable());
            }
        }
        return out;
    }

    @Test
    void aRunIsCutEveryWayTheSyllablesAllow() {
        List<PinyinInput.Piece> pieces = PinyinInput.parse("xian", lexicon);
        assertEquals(1, pieces.size());
        List<String> xian = arcs(pieces.get(0).lattice());
        assertTrue(xian.containsAll(List.of("0-4:xian", "0-2:xi", "2-4:an")), "xian and xi'an: " + xian);
        assertTrue(xian.stream().noneMatch(a -> a.contains(":x") && !a.contains(":xi")), xian.toString());
        List<String> toned = arcs(PinyinInput.parse("wo3ai4ni3", lexicon).get(0).lattice());
        assertEquals(List.of("0-3:wo3", "3-6:ai4", "6-9:ni3"), toned);
        List<String> apostrophe = arcs(PinyinInput.parse("xi'an", lexicon).get(0).lattice());
        assertTrue(apostrophe.containsAll(List.of("0-2:xi", "2-4:an")) && !apostrophe.contains("0-4:xian"),
                "an apostrophe forces the cut: " + apostrophe);
        List<String> marks = arcs(PinyinInput.parse("nǐ hǎo", lexicon).get(0).lattice());
        assertTrue(marks.containsAll(List.of("0-2:ni3", "2-5:hao3")), marks.toString());
    }

    @Test
    void punctuationHanziAndNumbersPassThrough() {
        List<PinyinInput.Piece> pieces = PinyinInput.parse("ni hao, wo 3 sui。医生", lexicon);
        assertEquals(List.of("lattice", "，", "lattice", "3", "lattice", "。", "医", "生"),
                pieces.stream().map(p -> p.passesThrough() ? p.text() : "lattice").toList());
        assertTrue(PinyinInput.parse("   ", lexicon).isEmpty());
    }

    @Test
    void colonsUmlautsAndRareHanziAreReadAsMeant() {
        assertEquals(List.of("lattice", "：", "lattice"), PinyinInput.parse("ni hao: wo shi", lexicon).stream()
                .map(p -> p.passesThrough() ? p.text() : "lattice").toList());
        assertEquals(List.of("0-4:lv4"), arcs(PinyinInput.parse("lu:4", lexicon).get(0).lattice()));
        assertTrue(arcs(PinyinInput.parse("lue4", lexicon).get(0).lattice()).contains("0-4:lve4"));
        assertEquals(List.of("𠮷"), PinyinInput.parse("𠮷", lexicon).stream().map(PinyinInput.Piece::text).toList());
        assertEquals("wo ai ni nü 3 ge", PinyinInput.withoutTones("wo3 ài ni3 nǚ 3 ge4"));
    }

    @Test
    void everySyllablePeopleTypeIsRead() {
        for (String typed : List.of("shei2", "zhei4", "kei1", "tei1", "fiao4", "hm", "hng", "lo", "ê4", "eh", "m̄",
                "ňg", "ǹg", "biang2", "den4", "rua2", "nun2", "SHEI", "Zhei4")) {
            List<String> arcs = arcs(PinyinInput.parse(typed, lexicon).get(0).lattice());
            String whole = "0-" + typed.length() + ":" + Syllable.parse(typed);
            assertTrue(arcs.contains(whole), typed + " read whole: " + arcs);
        }
        assertEquals(List.of("0-2:m1", "2-4:ng3"), arcs(PinyinInput.parse("m̄ ňg", lexicon).get(0).lattice()),
                "a combining mark belongs to the letter before it");
        assertEquals("e ê m ng", PinyinInput.withoutTones("e4 ê4 m̄ ňg"));
    }

    @Test
    void latinTextIsNamedWithItsColumn() {
        assertEquals("column 4: '😀' (U+1F600) is neither pinyin, hanzi nor punctuation",
                assertThrows(IllegalArgumentException.class, () -> PinyinInput.parse("𠮷 a😀", lexicon))
                        .getMessage(), "columns count characters, not UTF-16 units");
        assertEquals("column 9: 'hello' is not pinyin (no way to read it as syllables)",
                assertThrows(IllegalArgumentException.class, () -> PinyinInput.parse("ni hao, hello", lexicon))
                        .getMessage());
        assertEquals("column 4: '@' (U+0040) is neither pinyin, hanzi nor punctuation",
                assertThrows(IllegalArgumentException.class, () -> PinyinInput.parse("ni @ hao", lexicon))
                        .getMessage());
    }
}
