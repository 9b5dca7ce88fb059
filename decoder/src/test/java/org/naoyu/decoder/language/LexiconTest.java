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
        assertTrue(lexicon.bases().size() > 395 && lexicon.bases().size() < 420, lexicon.bases().size() + " bases");
        assertTrue(lexicon.isBase("lv") && lexicon.isBase("zhuang") && !lexicon.isBase("zhuangg"));
        assertEquals(List.of("hang2", "xing2"), tones(lexicon.readings("行")));
        assertEquals(List.of("chang2", "zhang3"), tones(lexicon.readings("长")));
        assertEquals(List.of("yin2 hang2"), tones(lexicon.readings("银行")));
        assertEquals(List.of("wo3 men5"), tones(lexicon.readings("我们")), "neutral tones as the corpora write them");
        assertTrue(lexicon.frequency("的") > lexicon.frequency("医生"));
        assertEquals(0, lexicon.frequency("医生医生"));
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
        Path shared = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && shared == null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/data/chinese"))) {
                shared = d.resolve("shared/data/chinese");
            }
        }
        assertTrue(shared != null, "the tests read ../shared/data beside the repository");
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
