package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The beam keeps what sorting every arrival would keep. {@code beam-transcript.txt} was written by the decoder that
 * sorted all partial sentences arriving at a position and kept the best {@code beam} distinct texts (as of commit
 * 6304ee6, before the threshold that skips hopeless arrivals); the decoder must still produce it to the last digit,
 * on noisy attempts whose distractors (是, 一, 几, …) each read as dozens of characters. Rewritten once since, by
 * the decoder of the commit that added each reading's probability (log P(reading | word)) and pinyin-data's rarer
 * readings to the lexicon: an intended change of the scores, with the pruning unchanged.
 *
 * <p>To rewrite it after an intended change of the search: {@code -Dnaoyu.writeBeamTranscript=path}.
 */
class SentenceDecoderBeamTest {
    private static final String[] SAID = ("wo3 xiang3 he1 shui3 qing3 bang1 wo3 kai1 deng1 xie4 xie4 ni3 wo3 hen3 "
            + "hao3 yi1 sheng1 kan4 xia4").split(" ");
    private static final String[] DISTRACTORS = {"shi4", "yi4", "ji1", "li4", "zhi4", "yu2", "xi1", "fu4", "qi2",
        "wei4", "le5", "de5", "zhong1", "guo2"};

    /** Every push's 5 best and every sentence's 3 best finished, for 25 noisy sentences of 3 to 11 attempts. */
    static String transcript(SentenceDecoder decoder) {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder();
        for (int sentence = 0; sentence < 25; sentence++) {
            SentenceDecoder.Incremental spelling = decoder.incremental();
            SyllableLattice lattice = new SyllableLattice();
            int length = 3 + sentence % 9;
            for (int i = 0; i < length; i++) {
                List<SyllableLattice.Candidate> attempt = new ArrayList<>();
                double p = 0.2 + 0.6 * random.nextDouble();
                attempt.add(candidate(SAID[(sentence + i) % SAID.length], p));
                for (int k = 0; k < 4; k++) {
                    attempt.add(candidate(DISTRACTORS[random.nextInt(DISTRACTORS.length)],
                            (1 - p) / 4 * (0.5 + random.nextDouble())));
                }
                List<SyllableLattice.Candidate> pushed = sentence % 5 == 0 ? attempt.subList(0, 1 + sentence % 3)
                        : attempt;
                lattice.append(pushed);
                spelling.push(pushed, 5).forEach(h -> line(out, "push", h));
                if (i == 3 && sentence % 7 == 0) {
                    out.append("commit ").append(spelling.commit()).append('\n');
                }
            }
            spelling.finish(3).forEach(h -> line(out, "finish", h));
            if (sentence % 7 != 0) {
                decoder.decode(lattice, 5).forEach(h -> line(out, "whole", h));
            }
        }
        return out.toString();
    }

    private static SyllableLattice.Candidate candidate(String syllable, double probability) {
        return new SyllableLattice.Candidate(Syllable.parse(syllable), Math.log(probability));
    }

    private static void line(StringBuilder out, String what, SentenceDecoder.Hypothesis h) {
        out.append(what).append(' ').append(h.text()).append(' ').append(h.words().size())
                .append(String.format(Locale.ROOT, " %.9f", h.score())).append('\n');
    }

    /**
     * The shipped decoder (beam 32), a narrow beam (3), and a beam of 8 without the language model, where homophones
     * tie on the same score and the earlier arrival must win as the stable sort had it.
     */
    private static String transcripts() {
        Lexicon lexicon = Lexicon.shipped();
        LanguageModel model = AdaptedModel.shipped(new BigramModel(lexicon));
        SentenceDecoder.Settings shipped = SentenceDecoder.Settings.DEFAULT;
        return "beam 32\n" + transcript(new SentenceDecoder(lexicon, model, shipped))
                + "beam 3\n" + transcript(new SentenceDecoder(lexicon, model, new SentenceDecoder.Settings(3,
                        shipped.lmWeight(), shipped.tonePenalty(), shipped.wordPenalty(), shipped.readingWeight())))
                + "beam 8, no language model\n" + transcript(new SentenceDecoder(lexicon, model,
                        new SentenceDecoder.Settings(8, 0, shipped.tonePenalty(), shipped.wordPenalty(),
                                shipped.readingWeight())));
    }

    @Test
    void keepsWhatSortingEveryArrivalKept() throws IOException {
        String actual = transcripts();
        String write = System.getProperty("naoyu.writeBeamTranscript");
        if (write != null) {
            Files.writeString(Path.of(write), actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream("beam-transcript.txt")) {
            assertNotNull(in, "beam-transcript.txt is missing from the test resources");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] want = expected.split("\n");
        String[] got = actual.split("\n");
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            assertEquals(want[i], got[i], "line " + (i + 1) + " of the transcript");
        }
        assertEquals(want.length, got.length, "lines in the transcript");
    }
}
