package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceDecoderTest {
    private static Lexicon lexicon;
    private static SentenceDecoder decoder;

    @BeforeAll
    static void load() {
        lexicon = Lexicon.shipped();
        decoder = new SentenceDecoder(lexicon, new BigramModel(lexicon), SentenceDecoder.Settings.DEFAULT);
    }

    private static String best(String pinyin) {
        StringBuilder out = new StringBuilder();
        for (PinyinInput.Piece piece : PinyinInput.parse(pinyin, lexicon)) {
            out.append(piece.passesThrough() ? piece.text() : decoder.decode(piece.lattice(), 1).get(0).text());
        }
        return out.toString();
    }

    @Test
    void exactPinyinBecomesTheSentence() {
        assertEquals("我想喝水", best("wo3 xiang3 he1 shui3"));
        assertEquals("我想喝水", best("wo3xiang3he1shui3"));
        assertEquals("西安", best("xi'an"));
        assertEquals("行长在银行", best("hang2 zhang3 zai4 yin2 hang2"), "polyphones read in context");
        assertEquals("我要去医院", best("wo3 yao4 qu4 yi1 yuan4"));
    }

    @Test
    void theNBestAreDistinctAndRanked() {
        List<SentenceDecoder.Hypothesis> five = decoder.decode(PinyinInput.parse("shi4 shi2", lexicon).get(0)
                .lattice(), 5);
        assertEquals(5, five.size());
        assertEquals(5, five.stream().map(SentenceDecoder.Hypothesis::text).distinct().count());
        for (int i = 1; i < five.size(); i++) {
            assertTrue(five.get(i).score() <= five.get(i - 1).score());
        }
        for (SentenceDecoder.Hypothesis h : five) {
            assertEquals(2, h.text().length());
            assertEquals(List.of("shi4", "shi2"), h.words().stream().flatMap(w -> w.pinyin().stream())
                    .map(Syllable::toString).toList(), h.text());
        }
    }

    private static List<SyllableLattice.Candidate> slot(Object... syllableAndProbability) {
        List<SyllableLattice.Candidate> slot = new ArrayList<>();
        for (int i = 0; i < syllableAndProbability.length; i += 2) {
            slot.add(new SyllableLattice.Candidate(Syllable.parse((String) syllableAndProbability[i]),
                    Math.log((Double) syllableAndProbability[i + 1])));
        }
        return slot;
    }

    @Test
    void theLanguageModelRepairsAnUncertainSyllable() {
        // the neural decoder's best guess for the last attempt is yuan2; the sentence wants yuan4
        SyllableLattice lattice = new SyllableLattice();
        lattice.append(slot("wo3", 0.9, "wu3", 0.1));
        lattice.append(slot("yao4", 0.8, "yao1", 0.2));
        lattice.append(slot("qu4", 0.7, "qu3", 0.3));
        lattice.append(slot("yi1", 0.6, "yi2", 0.4));
        lattice.append(slot("yuan2", 0.5, "yuan4", 0.4, "yun4", 0.1));
        assertEquals("我要去医院", decoder.decode(lattice, 1).get(0).text());
        SentenceDecoder noModel = new SentenceDecoder(lexicon, new BigramModel(lexicon),
                SentenceDecoder.Settings.DEFAULT.withLmWeight(0));
        assertNotEquals("我要去医院", noModel.decode(lattice, 1).get(0).text(), "without the model the top guess wins");
    }

    @Test
    void noisyAttemptsDecodedOneByOneGiveWhatTheWholeLatticeGives() {
        SyllableConfusion confusion = new SyllableConfusion(lexicon, 0.6);
        java.util.Random random = new java.util.Random(5);
        for (int trial = 0; trial < 10; trial++) {
            SentenceDecoder.Incremental spelling = decoder.incremental();
            SyllableLattice whole = new SyllableLattice();
            for (String s : "qing3 bang1 wo3 kai1 deng1".split(" ")) {
                List<SyllableLattice.Candidate> slot = confusion.attempt(Syllable.parse(s), random);
                spelling.push(slot, 5);
                whole.append(slot);
            }
            assertEquals(decoder.decode(whole, 3).stream().map(SentenceDecoder.Hypothesis::text).toList(),
                    spelling.finish(3).stream().map(SentenceDecoder.Hypothesis::text).toList(), "trial " + trial);
        }
    }

    @Test
    void aBadAttemptIsRefusedAndTheSentenceGoesOn() {
        SentenceDecoder.Incremental spelling = decoder.incremental();
        spelling.push(slot("wo3", 1.0), 1);
        assertEquals("no character reads any of [zzz1]", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> spelling.push(slot("zzz1", 1.0), 1)).getMessage());
        assertEquals("an attempt needs at least one candidate syllable", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> spelling.push(List.of(), 1)).getMessage());
        assertEquals("a candidate's log-probability must be <= 0, got NaN for ma3", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> new SyllableLattice.Candidate(
                        Syllable.parse("ma3"), Double.NaN)).getMessage());
        assertEquals(1, spelling.syllables());
        assertEquals("我们", spelling.push(slot("men5", 1.0), 1).get(0).text());
        assertEquals("nBest must be >= 1, got 0", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> spelling.best(0)).getMessage());
    }

    @Test
    void theNBestOfALineCombineItsPiecesByTotalScore() {
        PinyinConverter converter = new PinyinConverter(lexicon, new BigramModel(lexicon),
                SentenceDecoder.Settings.DEFAULT);
        List<PinyinConverter.Conversion> five = converter.convert("shi4 shi2, wo3 men5", 5);
        assertEquals(5, five.size());
        assertEquals(5, five.stream().map(PinyinConverter.Conversion::text).distinct().count());
        for (int i = 1; i < five.size(); i++) {
            assertTrue(five.get(i).score() <= five.get(i - 1).score(), five.toString());
        }
        assertTrue(five.stream().allMatch(c -> c.text().charAt(2) == '，'), five.toString());
        assertEquals("shi4 shi2 wo3 men5", five.get(0).pinyin());
    }

    @Test
    void incrementalDecodingAgreesWithTheWholeAndKeepsWhatWasCommitted() {
        String[] said = {"wo3", "xiang3", "he1", "shui3"};
        SentenceDecoder.Incremental spelling = decoder.incremental();
        SyllableLattice whole = new SyllableLattice();
        for (String s : said) {
            List<SentenceDecoder.Hypothesis> now = spelling.push(slot(s, 1.0), 3);
            whole.append(slot(s, 1.0));
            assertTrue(!now.isEmpty());
        }
        assertEquals(decoder.decode(whole, 1).get(0).text(), spelling.finish(1).get(0).text());
        assertEquals(4, spelling.syllables());

        SentenceDecoder.Incremental committed = decoder.incremental();
        committed.push(slot("shi4", 1.0), 1);
        committed.push(slot("shi2", 1.0), 1);
        String prefix = committed.commit();
        assertEquals(2, prefix.length());
        committed.push(slot("wo3", 1.0), 1);
        committed.push(slot("men5", 1.0), 1);
        for (SentenceDecoder.Hypothesis h : committed.push(slot("hao3", 1.0), 5)) {
            assertTrue(h.text().startsWith(prefix), h.text() + " keeps " + prefix);
        }
        assertEquals(prefix + "我们好", committed.finish(1).get(0).text());
    }
}
