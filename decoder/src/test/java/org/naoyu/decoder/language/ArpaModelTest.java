package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpaModelTest {
    private static ArpaModel tiny() throws IOException {
        try (InputStream in = ArpaModelTest.class.getResourceAsStream("tiny.arpa")) {
            return ArpaModel.read(in, "tiny.arpa");
        }
    }

    /** Against decoder/scripts/make_arpa_golden.py, an independent reading of the same file. */
    @Test
    void backsOffAsTheGoldenFileSays() throws IOException {
        ArpaModel model = tiny();
        assertEquals(3, model.order());
        assertEquals(7, model.words());
        List<String> golden;
        try (InputStream in = getClass().getResourceAsStream("arpa-golden.tsv")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
        assertEquals(15, golden.size());
        for (String line : golden) {
            String[] f = line.split("\t");
            assertEquals(Double.parseDouble(f[3]), model.logProb(f[0], f[1], f[2]), 1e-6, line);
        }
        assertEquals(-0.40 * Math.log(10), model.logProb("我", "想"), 1e-6,
                "the bigram interface asks without the word before (the trigram <s> 我 想 is -0.10)");
    }

    @Test
    void withoutUnkAnUnknownWordHasNoProbability() throws IOException {
        String text = "\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-0.5\ta\t-0.1\n-0.3\tb\n\n\\2-grams:\n-0.2\ta b\n\n"
                + "\\end\\\n";
        ArpaModel model = ArpaModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
        assertEquals(Double.NEGATIVE_INFINITY, model.logProb("a", "c"));
        assertEquals(-0.3 * Math.log(10), model.logProb("c", "b"), 1e-6, "an unknown history cuts the context");
        assertEquals(-0.2 * Math.log(10), model.logProb("c", "a", "b"), 1e-6);
        InterpolatedModel mixed = new InterpolatedModel(model, (previous, word) -> Math.log(0.25), 0.5);
        assertEquals(Math.log(0.5 * 0.25), mixed.logProb("a", "c"), 1e-9, "the other model keeps its share");
        assertEquals(Math.log(0.5 * Math.pow(10, -0.2) + 0.5 * 0.25), mixed.logProb("a", "b"), 1e-6, "float storage");
    }

    @Test
    void whatIsNotArpaIsNamedWithItsLine() {
        assertEquals("t: no \\data\\ header; not an ARPA language model", error("hello\n"));
        assertEquals("t line 2: expected 'ngram N=COUNT', got 'ngram 1'", error("\\data\\\nngram 1\n"));
        assertEquals("t line 6: '-x' is not a number",
                error("\\data\\\nngram 1=1\n\n\\1-grams:\n-0.5\ta\n-x\tb\n\n\\end\\\n"));
        assertEquals("t line 7: the header promised 1 1-grams, the section has 2",
                error("\\data\\\nngram 1=1\n\n\\1-grams:\n-0.5\ta\n-0.4\tb\n\n\\end\\\n"));
        assertEquals("t line 9: 'c' is not among the unigrams", error("\\data\\\nngram 1=1\nngram 2=1\n\n"
                + "\\1-grams:\n-0.5\ta\n\n\\2-grams:\n-0.1\ta c\n\n\\end\\\n"));
        assertEquals("t line 5: a log10 probability must be at most 0, got '0.5'",
                error("\\data\\\nngram 1=1\n\n\\1-grams:\n0.5\ta\n\n\\end\\\n"));
        assertEquals("t line 9: a 2-gram line has a log-probability, 2 words and perhaps a back-off; got 2 fields",
                error("\\data\\\nngram 1=1\nngram 2=1\n\n\\1-grams:\n-0.5\ta\n\n\\2-grams:\n-0.1\ta\n\n\\end\\\n"));
        assertTrue(error("\\data\\\nngram 1=1\n\n\\1-grams:\n-0.5\ta\n").endsWith("expected \\end\\ after the last "
                + "section"));
    }

    private static String error(String text) {
        return assertThrows(IOException.class, () -> ArpaModel.read(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), "t")).getMessage();
    }
}
