package org.naoyu.datasets.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.naoyu.datasets.Python;
import org.naoyu.datasets.SharedData;

class CorporaTest {
    private static final SyllableInventory INVENTORY = SyllableInventory.standard();

    @Test
    void enoughSentencesAboutWhatPatientsNeed() {
        assertEquals(332, Corpora.sentences().size());
        assertEquals(54, Corpora.heldOut().size());
        Set<String> categories = Corpora.sentences().stream().map(Sentence::category).collect(Collectors.toSet());
        assertTrue(categories.containsAll(Set.of("needs", "pain", "care", "family")), categories.toString());
        Set<String> texts = new HashSet<>();
        Corpora.sentences().forEach(s -> assertTrue(texts.add(s.text()), "duplicate: " + s.text()));
        for (Sentence held : Corpora.heldOut()) {
            assertTrue(!texts.contains(held.text()), "held-out sentence also in the training set: " + held.text());
        }
    }

    /**
     * Every syllable of every sentence is one the decoder knows: an inventory syllable, or the neutral-tone form that
     * speech gives a known base in reduplications and complements (看看 kan4 kan5, 起来 qi3 lai5).
     */
    @Test
    void everySyllableIsInTheInventory() {
        Set<String> bases = new HashSet<>(INVENTORY.bases());
        int neutralForms = 0;
        int total = 0;
        for (List<Sentence> set : List.of(Corpora.sentences(), Corpora.heldOut())) {
            for (Sentence sentence : set) {
                for (String syllable : sentence.syllables()) {
                    boolean known = INVENTORY.get(syllable).isPresent();
                    boolean neutral = syllable.endsWith("5") && bases.contains(syllable.substring(0,
                            syllable.length() - 1));
                    assertTrue(known || neutral, sentence.text() + ": " + syllable);
                    neutralForms += known ? 0 : 1;
                    total++;
                }
            }
        }
        assertTrue(neutralForms < 0.02 * total, "neutral-tone forms outside the inventory stay rare: " + neutralForms
                + " of " + total);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "我想喝水|wo3 xiang3 he1 shui3",
        "我觉得很累|wo3 jue2 de5 hen3 lei4",
        "我想睡觉了|wo3 xiang3 shui4 jiao4 le5",
        "我还想再吃一点|wo3 hai2 xiang3 zai4 chi1 yi1 dian3",
        "我的眼睛很干|wo3 de5 yan3 jing5 hen3 gan1",
        "银行卡放在柜子里|yin2 hang2 ka3 fang4 zai4 gui4 zi5 li3",
        "我睡不着|wo3 shui4 bu5 zhao2",
    })
    void polyphonesReadAsInTheirWords(String text, String pinyin) {
        Sentence sentence = Corpora.sentences().stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow();
        assertEquals(pinyin, String.join(" ", sentence.syllables()));
    }

    @Test
    void calibrationCuesCoverEveryBaseSyllableRepeatably() {
        List<Syllable> cues = Corpora.calibrationCues(INVENTORY, false, 7);
        assertEquals(405, cues.size());
        assertEquals(405, cues.stream().map(Syllable::base).distinct().count());
        assertEquals(cues, Corpora.calibrationCues(INVENTORY, false, 7), "the seed makes the order repeatable");
        assertNotEquals(cues, Corpora.calibrationCues(INVENTORY, false, 8));
        assertTrue(cues.contains(INVENTORY.get("ma3").orElseThrow()) || cues.contains(INVENTORY.get("ma5")
                .orElseThrow()) || cues.stream().anyMatch(s -> s.base().equals("ma")));
        assertEquals(1391, Corpora.calibrationCues(INVENTORY, true, 7).size());
    }

    @Test
    void theScriptReproducesTheShippedSentences(@TempDir Path dir) throws IOException, InterruptedException {
        for (String[] pair : new String[][] {{"corpus-src/sentences.txt", "sentences.tsv"},
            {"corpus-src/heldout.txt", "heldout.tsv"},
            {"corpus-src/everyday.txt", "everyday.tsv", "corpus-src/everyday-readings.tsv"},
            {"corpus-src/dev.txt", "dev.tsv", "corpus-src/everyday-readings.tsv"}}) {
            Path out = dir.resolve(pair[1]);
            List<String> args = new java.util.ArrayList<>(List.of(SharedData.path("chinese/README.md").getParent()
                    .toString(), pair[0], out.toString()));
            if (pair.length > 2) {
                args.add(pair[2]);
            }
            Python.run("scripts/build_sentence_corpus.py", args.toArray(String[]::new));
            assertArrayEquals(Corpora.class.getResourceAsStream(pair[1]).readAllBytes(), Files.readAllBytes(out),
                    pair[1]);
        }
    }
}
