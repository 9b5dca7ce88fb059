package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {
    @TempDir
    Path dir;

    @Test
    void theShippedLexiconKnowsPolyphones() {
        Lexicon lexicon = Lexicon.shipped(); // loads in about 1.2 s (decoder/README.md); timing is not a unit test's
        assertTrue(lexicon.words() > 130_000, lexicon.words() + " words");
        assertTrue(lexicon.bases().size() > 420 && lexicon.bases().size() < 430, lexicon.bases().size() + " bases");
        assertTrue(lexicon.isBase("lv") && lexicon.isBase("zhuang") && !lexicon.isBase("zhuangg"));
        assertEquals(List.of("hang2", "hang4", "heng2", "xing2", "xing4"), tones(lexicon.readings("行")),
                "the two attested readings and pinyin-data's rarer ones");
        assertEquals(List.of("chang2", "zhang3"), tones(lexicon.readings("长")));
        assertEquals(List.of("yin2 hang2"), tones(lexicon.readings("银行")));
        assertEquals(List.of("wo3 men5"), tones(lexicon.readings("我们")), "neutral tones as the corpora write them");
        assertTrue(lexicon.frequency("的") > lexicon.frequency("医生"));
        assertEquals(0, lexicon.frequency("医生医生"));
    }

    @Test
    void aRareReadingCostsWhatItsShareSays() {
        Lexicon lexicon = Lexicon.shipped();
        double shui = readingProbability(lexicon, "谁", "shui2");
        double shei = readingProbability(lexicon, "谁", "shei2");
        assertTrue(shui > 0.9 && shei > 0.005 && shei < 0.02, "谁 shui2 " + shui + ", shei2 " + shei);
        double total = 0;
        for (LexiconEntry reading : lexicon.readings("行")) {
            total += readingProbability(lexicon, "行", reading.pinyin().get(0).toString());
        }
        assertTrue(total > 0.99 && total <= 1.0 + 1e-12, "行's readings sum to " + total);
        assertEquals(0, lexicon.root().child("dui").readingLogProb(indexOf(lexicon.root().child("dui"), "对")),
                1e-3, "a character with one reading");
    }

    @Test
    void aModelsWordsAreReadThroughTheWordsThatSpellThem() {
        Lexicon shipped = Lexicon.shipped();
        Lexicon extended = shipped.withWords(List.of("兴业银行", "前几天", "ABC词", "一", "银行", "<s>"));
        assertEquals(List.of("xing1 ye4 yin2 hang2"), tones(extended.readings("兴业银行")), "兴业 + 银行, not 行 xing2");
        assertEquals(List.of("qian2 ji3 tian1"), tones(extended.readings("前几天")), "前's commonest reading");
        assertEquals(0, extended.frequency("前几天"), "a model's word has no count of its own");
        assertEquals(List.of(), extended.readings("ABC词"), "not all ideographs");
        assertEquals(shipped.readings("银行"), extended.readings("银行"), "a known word keeps its readings");
        assertEquals(shipped.words() + 2, extended.words());
        assertEquals(List.of(), shipped.readings("前几天"), "the shipped lexicon is unchanged");
        Lexicon.Node node = extended.root().child("qian").child("ji").child("tian");
        assertEquals(0, node.readingLogProb(indexOf(node, "前几天")), 1e-12, "its one reading");
    }

    private static double readingProbability(Lexicon lexicon, String word, String reading) {
        Lexicon.Node node = lexicon.root().child(Syllable.parse(reading).base());
        for (int k = 0; k < node.words().size(); k++) {
            LexiconEntry entry = node.words().get(k);
            if (entry.word().equals(word) && entry.pinyin().get(0).toString().equals(reading)) {
                return Math.exp(node.readingLogProb(k));
            }
        }
        throw new AssertionError(word + " has no reading " + reading);
    }

    private static int indexOf(Lexicon.Node node, String word) {
        for (int k = 0; k < node.words().size(); k++) {
            if (node.words().get(k).word().equals(word)) {
                return k;
            }
        }
        throw new AssertionError(word);
    }

    /**
     * Every syllable of the full table has a character: the bases of every reading pinyin-data gives any of its
     * 41,923 characters (shei, zhei, fiao, hm, hng, ê, biang …), and of the independent Rime dictionary (LGPL, read
     * here as test data), but for five regional or obsolete spellings no MIT source reads.
     */
    @Test
    void everySyllableOfTheFullTableIsAWord() throws IOException {
        Path shared = shared();
        Lexicon lexicon = Lexicon.shipped();
        java.util.Set<String> table = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(shared.resolve("pinyin-data_pinyin.txt"))) {
            if (line.startsWith("U+")) {
                for (String reading : line.split(":", 2)[1].split("#")[0].trim().split(",")) {
                    table.add(Syllable.parse(reading).base());
                }
            }
        }
        assertEquals(426, table.size(), "pinyin-data's table");
        java.util.Set<String> missing = new java.util.TreeSet<>(table);
        missing.removeAll(lexicon.bases());
        assertEquals(java.util.Set.of(), missing, "syllables of pinyin-data without a character");
        java.util.Set<String> rime = new java.util.TreeSet<>();
        boolean body = false;
        for (String line : Files.readAllLines(shared.resolve("rime_luna_pinyin.dict.yaml"))) {
            if (line.equals("...")) {
                body = true;
            } else if (body && !line.startsWith("#") && line.contains("\t")) {
                for (String syllable : line.split("\t")[1].trim().split(" ")) {
                    rime.add(Syllable.parse(syllable).base());
                }
            }
        }
        rime.removeAll(lexicon.bases());
        assertEquals(java.util.Set.of("fong", "lvan", "pia", "sei", "yai"), rime, "Rime's syllables we lack");
    }

    private static Path shared() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/data/chinese"))) {
                return d.resolve("shared/data/chinese");
            }
        }
        throw new AssertionError("the tests read ../shared/data beside the repository");
    }

    private static List<String> tones(List<LexiconEntry> entries) {
        return entries.stream().map(e -> String.join(" ", e.pinyin().stream().map(Syllable::toString).toList()))
                .sorted().toList();
    }

    @Test
    void aBrokenLineIsNamed() {
        String text = "# comment\n我\two3\t10\n你\tni\t5\n";
        IOException e = assertThrows(IOException.class,
                () -> Lexicon.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals("lexicon line 3: syllable 'ni' has no tone", e.getMessage());
        IOException count = assertThrows(IOException.class, () -> Lexicon.read(new ByteArrayInputStream(
                "你好\tni3\t5\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("lexicon line 1: '你好' has 2 characters but 1 syllables", count.getMessage());
        IOException fields = assertThrows(IOException.class, () -> Lexicon.read(new ByteArrayInputStream(
                "你好\tni3 hao3\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("lexicon line 1: expected 3 fields separated by tabs, got '你好\tni3 hao3'", fields.getMessage());
    }

    @Test
    void theBuildScriptRemakesTheShippedFileByteForByte() throws Exception {
        Path script = Path.of("scripts/build_lexicon.py");
        assumeTrue(Files.isRegularFile(script), "run from the decoder module");
        Path shared = shared();
        Path out = dir.resolve("lexicon.tsv.gz");
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), shared.toString(), out.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), log);
        try (InputStream shipped = Lexicon.class.getResourceAsStream(Lexicon.RESOURCE)) {
            assertArrayEquals(shipped.readAllBytes(), Files.readAllBytes(out), "rebuild the lexicon: " + log);
        }
    }
}
