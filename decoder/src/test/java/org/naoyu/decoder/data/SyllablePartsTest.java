package org.naoyu.decoder.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SyllablePartsTest {
    private static SyllableParts parts(String toned) {
        return SyllableParts.of(TonedSyllable.parse(toned));
    }

    @Test
    void spellingRulesAreUndone() {
        assertEquals(new SyllableParts("zh", "uang", 1), parts("zhuang1"));
        assertEquals(new SyllableParts("", "iou", 3), parts("you3"), "you is the final of liu");
        assertEquals(new SyllableParts("l", "iou", 2), parts("liu2"));
        assertEquals(new SyllableParts("", "uei", 4), parts("wei4"));
        assertEquals(new SyllableParts("d", "uei", 4), parts("dui4"));
        assertEquals(new SyllableParts("", "uen", 4), parts("wen4"));
        assertEquals(new SyllableParts("k", "uen", 4), parts("kun4"));
        assertEquals(new SyllableParts("j", "v", 2), parts("ju2"), "ju is j + ü");
        assertEquals(new SyllableParts("", "v", 2), parts("yu2"));
        assertEquals(new SyllableParts("q", "van", 2), parts("quan2"));
        assertEquals(new SyllableParts("", "van", 2), parts("yuan2"));
        assertEquals(new SyllableParts("n", "v", 3), parts("nv3"), "the inventory writes ü as v");
        assertEquals(new SyllableParts("l", "ve", 4), parts("lve4"));
        assertEquals(new SyllableParts("", "i", 1), parts("yi1"));
        assertEquals(new SyllableParts("", "ing", 1), parts("ying1"));
        assertEquals(new SyllableParts("", "iong", 3), parts("yong3"));
        assertEquals(new SyllableParts("", "u", 3), parts("wu3"));
        assertEquals(new SyllableParts("", "uo", 3), parts("wo3"));
        assertEquals(new SyllableParts("b", "uo", 1), parts("bo1"), "bo's o is uo");
        assertEquals(new SyllableParts("sh", "-i", 4), parts("shi4"), "the apical vowel is not the i of ji");
        assertEquals(new SyllableParts("j", "i", 1), parts("ji1"));
        assertEquals(new SyllableParts("", "er", 2), parts("er2"));
        assertEquals(new SyllableParts("", "ang", 4), parts("ang4"));
        assertEquals(new SyllableParts("", "ng", 2), parts("ng2"), "a syllabic nasal keeps its letters");
        assertEquals(new SyllableParts("h", "m", 5), parts("hm5"));
        assertEquals(new SyllableParts("", "io", 1), parts("yo1"));
        assertEquals(new SyllableParts("", "r", 5), parts("r5"));
        assertEquals("zh+uang1", parts("zhuang1").toString());
        assertEquals("∅+iou3", parts("you3").toString());
    }

    @Test
    void everyToneSyllableOfTheInventoryHasKnownParts() throws IOException {
        // the datasets module's inventory (1,391 toned syllables read by common characters), read as a file
        List<String> toned = Files.readAllLines(Path.of("../datasets/src/main/resources/org/naoyu/datasets/corpus/"
                + "syllables.tsv")).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")[0]).toList();
        assertEquals(1391, toned.size());
        Set<String> initials = new TreeSet<>();
        Set<String> finals = new TreeSet<>();
        for (String t : toned) {
            SyllableParts p = parts(t);
            initials.add(p.initial());
            finals.add(p.fin());
        }
        assertEquals(22, initials.size(), "21 consonants and the zero initial: " + initials);
        Set<String> standard = Set.of("a", "o", "e", "er", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
                "i", "-i", "ia", "ie", "iao", "iou", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "uei",
                "uan", "uen", "uang", "ueng", "v", "ve", "van", "vn");
        Set<String> beyond = new TreeSet<>(finals);
        beyond.removeAll(standard);
        assertEquals(Set.of("io", "m", "n", "ng", "r"), beyond, "beyond the standard finals: yo's io and the "
                + "syllables without a vowel");
        assertEquals(37 + 5, finals.size(), String.valueOf(finals));
        assertTrue(finals.containsAll(Set.of("iou", "uei", "uen", "v", "van", "-i", "uo")), String.valueOf(finals));
        assertEquals(finals, new TreeSet<>(SyllableParts.FINALS),
                "the final head's outputs are the inventory's finals");
        assertEquals(42, SyllableParts.FINALS.size());
        assertEquals(initials, new TreeSet<>(SyllableParts.INITIAL_LABELS));
        assertEquals(0, parts("an4").initialIndex(), "the zero initial is the head's first output");
        assertEquals(SyllableParts.FINALS.indexOf("iou"), parts("liu2").finalIndex());
    }

    @Test
    void refusesWhatIsNotAPart() {
        assertThrows(IllegalArgumentException.class, () -> new SyllableParts("gh", "a", 1));
        assertThrows(IllegalArgumentException.class, () -> new SyllableParts("b", "", 1));
        assertThrows(IllegalArgumentException.class, () -> new SyllableParts("b", "a", 6));
    }
}
