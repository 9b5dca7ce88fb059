package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KenLM's binary tries against values computed elsewhere: the fixtures of decoder/scripts/make_kenlm_golden.sh (one
 * synthetic ARPA model built by KenLM's build_binary into each trie layout) against naoyu's ARPA reader of the same
 * model and against KenLM's own lookup code (through libime), and libime's zh_CN.lm against KenLM's lookups of it.
 */
class KenLmModelTest {
    private static final double LN10 = Math.log(10);

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("kenlm/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private List<String> golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("kenlm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The query's words as (beforePrevious, previous, word), null where it is shorter. */
    private static double ask(LanguageModel model, String query) {
        String[] w = query.split(" ");
        String word = w[w.length - 1];
        String previous = w.length > 1 ? w[w.length - 2] : null;
        String before = w.length > 2 ? w[w.length - 3] : null;
        return model.logProb(before, previous, word);
    }

    /** Unquantised tries hold the ARPA file's floats: every lookup (and back-off path) equals the ARPA reader's. */
    @Test
    void unquantisedTriesScoreAsTheArpaFile() throws IOException {
        ArpaModel arpa = ArpaModel.read(resource("fixture.arpa.gz"));
        List<String> queries = golden("fixture-golden.tsv").stream().map(l -> l.split("\t")[0]).toList();
        assertTrue(queries.size() > 400, "queries: " + queries.size());
        for (String layout : List.of("fixture-trie.klm", "fixture-array.klm")) {
            KenLmModel model = KenLmModel.read(resource(layout));
            assertEquals(arpa.vocabulary().size() - 1, model.vocabulary().size(), "all words but <unk>");
            int known = 0;
            for (String query : queries) {
                String word = query.substring(query.lastIndexOf(' ') + 1);
                if (!model.vocabulary().contains(word)) {
                    assertEquals(Double.NEGATIVE_INFINITY, ask(model, query), query);
                    continue;
                }
                assertEquals(ask(arpa, query), ask(model, query), 1e-6, layout + ": " + query);
                known++;
            }
            assertTrue(known > 400, layout + ": " + known + " queries compared");
        }
    }

    /** Quantised tries against KenLM's own code on the same file (and its quantised twin without the array). */
    @Test
    void quantisedTriesScoreAsKenlmDoes() throws IOException {
        List<String> golden = golden("fixture-golden.tsv");
        for (String layout : List.of("fixture-quant-array.klm", "fixture-quant.klm")) {
            KenLmModel model = KenLmModel.read(resource(layout));
            int compared = 0;
            for (String row : golden) {
                String[] f = row.split("\t");
                String word = f[0].substring(f[0].lastIndexOf(' ') + 1);
                if (!model.vocabulary().contains(word)) {
                    continue; // KenLM scores <unk>; naoyu leaves unknown words to the other model of a mix
                }
                // the synthetic model's random back-offs can push KenLM's value above 0; naoyu's never is
                assertEquals(Math.min(0, Double.parseDouble(f[1]) * LN10), ask(model, f[0]), 2e-5, layout + ": "
                        + row);
                compared++;
            }
            assertTrue(compared > 400, layout + ": " + compared + " compared");
        }
    }

    /**
     * libime's model as Debian installs it, against KenLM's lookups of it, when this machine has the same file the
     * golden values were made from (.ci/run installs libime-data-language-model).
     */
    @Test
    void libimesModelScoresAsKenlmDoes() throws Exception {
        assumeTrue(Files.isRegularFile(KenLmModel.DEBIAN_FILE), "libime-data-language-model is not installed");
        List<String> golden = golden("libime-golden.tsv");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(KenLmModel.DEBIAN_FILE)));
        assertEquals("# sha256 " + sha + " zh_CN.lm (libime-data-language-model)", golden.get(0),
                "the golden file's data");
        KenLmModel model = KenLmModel.read(KenLmModel.DEBIAN_FILE);
        assertEquals(164_887 - 1, model.vocabulary().size(), "unigrams but <unk>");
        List<String> rows = golden.subList(1, golden.size());
        assertEquals(400, rows.size());
        int compared = 0;
        for (String row : rows) {
            String[] f = row.split("\t");
            if (f[0].endsWith("</s>")) { // libime's model has no sentence boundaries: KenLM scores <unk> for them
                assertEquals(Double.NEGATIVE_INFINITY, ask(model, f[0]), row);
                continue;
            }
            assertEquals(Double.parseDouble(f[1]) * LN10, ask(model, f[0]), 2e-5, row);
            compared++;
        }
        assertTrue(compared > 300, compared + " compared");
        assertFalse(model.vocabulary().contains(LanguageModel.START), "no <s> in libime's model");
        assertTrue(model.logProb("我", "想") > model.logProb("我", "象"), "我想 over 我象");
        assertEquals(Double.NEGATIVE_INFINITY, model.logProb("我", "没有这个词的"));
    }

    @Test
    void layoutsItDoesNotReadAreNamed() throws IOException {
        Path probing = resource("tiny-probing.klm");
        assertTrue(KenLmModel.looksLike(probing));
        IOException hashed = assertThrows(IOException.class, () -> KenLmModel.read(probing));
        assertEquals(probing + ": KenLM probing hash tables are not read; rebuild it as a trie (build_binary trie "
                + "MODEL.arpa OUT) or give the ARPA file", hashed.getMessage());

        Path arpa = resource("fixture.arpa.gz");
        assertFalse(KenLmModel.looksLike(arpa));
        IOException text = assertThrows(IOException.class, () -> KenLmModel.read(arpa));
        assertTrue(text.getMessage().contains("not a KenLM binary model"), text.getMessage());

        byte[] whole = Files.readAllBytes(resource("fixture-quant-array.klm"));
        Path truncated = dir.resolve("truncated.klm");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        IOException cut = assertThrows(IOException.class, () -> KenLmModel.read(truncated));
        assertTrue(cut.getMessage().startsWith(truncated + ": "), cut.getMessage());
        assertTrue(cut.getMessage().contains("truncated") || cut.getMessage().contains("words"), cut.getMessage());

        Path header = dir.resolve("header.klm");
        Files.write(header, Arrays.copyOf(whole, 115));
        assertEquals(header + ": ends at byte 115, before its n-gram counts (byte 132): truncated?",
                assertThrows(IOException.class, () -> KenLmModel.read(header)).getMessage());

        // the bigrams' pointer compression header sits after the 136-byte header, 1,503 word hashes (8 + 8·1,503),
        // the quantisation tables (8 + 4·(256 + 256) + 4·256) and 1,505 unigrams of 16 bytes: byte 39,328. Telling
        // the reader 1 bit where the file used 22 moves every child pointer, which the last pointer's check catches.
        byte[] wrongPointers = whole.clone();
        assertEquals(22, wrongPointers[39_328 + 1]);
        wrongPointers[39_328 + 1] = 1;
        Path pointers = dir.resolve("pointers.klm");
        Files.write(pointers, wrongPointers);
        assertEquals(pointers + ": the 2-grams' last child pointer is 3835, the 3-gram count 4000 (a layout this "
                + "reader does not know?)", assertThrows(IOException.class, () -> KenLmModel.read(pointers))
                        .getMessage());

        byte[] wrongOrder = whole.clone();
        wrongOrder[88] = 9;
        Path nine = dir.resolve("nine.klm");
        Files.write(nine, wrongOrder);
        assertEquals(nine + ": order 9, expected 2 to 6",
                assertThrows(IOException.class, () -> KenLmModel.read(nine)).getMessage());
    }

    @Test
    void pointerChoppingFollowsKenlm() {
        assertEquals(20, KenLmModel.requiredBits(634_213));
        // libime's bigrams: 1,983,153 entries pointing into 634,213 trigrams, 22 bits configured: 16 in the array
        assertEquals(16, KenLmModel.chopBits(1_983_153, 634_213, 22));
        assertEquals(0, KenLmModel.chopBits(10, 1 << 20, 22), "few entries: an array would cost more");
    }
}
