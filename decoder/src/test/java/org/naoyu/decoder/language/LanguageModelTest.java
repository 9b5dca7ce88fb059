package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageModelTest {
    private static Lexicon lexicon;
    private static BigramModel general;

    @BeforeAll
    static void load() {
        lexicon = Lexicon.shipped();
        general = new BigramModel(lexicon);
    }

    @Test
    void pairsTheTableHasSeenBeatPairsItHasNot() {
        assertTrue(general.logProb("我", "要") > general.logProb("我", "腰"), "我要 is a common pair");
        assertTrue(general.logProb(LanguageModel.START, "我") > general.logProb(LanguageModel.START, "窝"));
        // an unknown history leaves the unigram: a frequent word beats a rare one
        assertTrue(general.logProb("医生医生", "的") > general.logProb("医生医生", "嘚"));
        assertEquals(Math.log(0.1), general.logProb("医生", LanguageModel.END), 1e-12, "the user ends a sentence");
        for (String word : List.of("我", "饼干", "嘚")) {
            double p = general.logProb("吃", word);
            assertTrue(Double.isFinite(p) && p < 0, word + ": " + p);
        }
        assertEquals("lambda must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new BigramModel(lexicon, 1)).getMessage());
    }

    @Test
    void theDomainCountsShiftTheModelTowardWhatPatientsSay() throws IOException {
        String counts = "# test\n<s>\t我\t3\n我\t疼\t2\n我\t想\t1\n疼\t</s>\t2\n";
        AdaptedModel adapted = AdaptedModel.read(general,
                new ByteArrayInputStream(counts.getBytes(StandardCharsets.UTF_8)));
        assertTrue(adapted.logProb("我", "疼") > general.logProb("我", "疼"));
        assertTrue(adapted.logProb("我", "疼") > adapted.logProb("我", "腾"));
        // (2 + 2 Q) / (3 + 2) with Q = (2 + 6 P_general) / (6 + 6), about 1/6: close to 7/15
        assertEquals(7 / 15.0, Math.exp(adapted.logProb("我", "疼")), 0.005);
        IOException broken = assertThrows(IOException.class, () -> AdaptedModel.read(general,
                new ByteArrayInputStream("我\t疼\tzwei\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("corpus counts line 1: the count must be a whole number, got 'zwei'", broken.getMessage());
        AdaptedModel shipped = AdaptedModel.shipped(general);
        assertTrue(shipped.logProb("我", "想") > general.logProb("我", "想"));
    }
}
