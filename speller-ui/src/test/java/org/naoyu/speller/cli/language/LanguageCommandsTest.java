package org.naoyu.speller.cli.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.corpus.Corpora;
import org.naoyu.datasets.corpus.Sentence;
import org.naoyu.decoder.language.CharacterErrors;
import org.naoyu.speller.Cli;

/** naoyu pinyin2hanzi and naoyu lm-eval as a user runs them, on the held-out sentences of the task corpus. */
class LanguageCommandsTest {
    @TempDir
    Path dir;

    @Test
    void eachLineIsConvertedOrNamedAndTheOutputStaysAligned() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "wo3 xiang3 he1 shui3\n\nhello world\nni hao，wo shi yi sheng。\nwoxiangheshui\n");
        Cli.Run run = Cli.naoyu("pinyin2hanzi", "--in", in.toString());
        assertEquals(0, run.exitCode(), "one bad line does not fail the run");
        assertEquals(List.of("我想喝水", "", "", "你好，我是医生。", "我想喝水"), run.out().lines().toList());
        assertEquals(List.of("naoyu pinyin2hanzi: line 3: column 1: 'hello' is not pinyin (no way to read it as "
                + "syllables)", "naoyu pinyin2hanzi: 1 of 5 lines are not pinyin (empty lines in the output)"),
                run.err().lines().toList());
        Files.writeString(in, "hello\nworld\n");
        Cli.Run none = Cli.naoyu("pinyin2hanzi", "--in", in.toString());
        assertEquals(3, none.exitCode(), "nothing converted: " + none.err());
        assertTrue(none.err().endsWith("2 of 2 lines are not pinyin (empty lines in the output)\n"), none.err());
        Files.writeString(in, "shei2 lai2 le\nzhei4 ge4\nê4\n");
        assertEquals(List.of("谁来了", "这个", "欸"), Cli.naoyu("pinyin2hanzi", "--in", in.toString()).out().lines()
                .toList(), "colloquial readings and the syllables outside the common table");

        Path arpa = dir.resolve("user.arpa");
        Files.writeString(arpa, "\\data\\\nngram 1=3\n\n\\1-grams:\n-1\t<s>\n-0.1\t依\n-3\t一\n\n\\end\\\n");
        Files.writeString(in, "yi1\n");
        assertEquals("一", Cli.naoyu("pinyin2hanzi", "--in", in.toString()).out().strip(), "the shipped model");
        assertEquals("依", Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--lm", arpa.toString(), "--lm-share",
                "0.999").out().strip(), "a user's model mixed in");
        Files.writeString(arpa, "\\data\\\nngram 1=2\n\n\\1-grams:\n-1\t<s>\n\n\\end\\\n");
        Cli.Run broken = Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--lm", arpa.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains(arpa + " line 6: the header promised 2 1-grams, the section has 1"),
                broken.err());

        // the same preference as a KenLM binary trie: user-kenlm.arpa through Debian's libime_slm_build_binary
        // -q 8 -b 8 -a 22 trie (a quantised trie with compressed pointers, the layout of libime's own model)
        Path kenlm = dir.resolve("user.klm");
        try (java.io.InputStream model = getClass().getResourceAsStream("user-kenlm.klm")) {
            Files.copy(model, kenlm);
        }
        assertEquals("依", Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--lm", kenlm.toString(), "--lm-share",
                "0.999").out().strip(), "a user's KenLM model mixed in");
        Cli.Run missing = Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--lm", kenlm.toString() + ".missing");
        assertEquals(1, missing.exitCode());
        assertEquals("naoyu pinyin2hanzi: " + kenlm + ".missing: no such file", missing.err().strip());
        if (java.nio.file.Files.isRegularFile(org.naoyu.decoder.language.KenLmModel.DEBIAN_FILE)) {
            Files.writeString(in, "wo xiang he shui\n");
            assertEquals("我想喝水", Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--lm", "libime").out()
                    .strip(), "Debian's libime model alone");
        }

        Files.writeString(in, "yin2 hang2\n");
        Cli.Run nBest = Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--n-best", "3", "--tones");
        assertEquals(0, nBest.exitCode(), nBest.err());
        List<String> lines = nBest.out().lines().toList();
        assertTrue(lines.get(0).startsWith("1\t银行\t-") && lines.get(0).endsWith("\tyin2 hang2"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2\t") && lines.get(2).startsWith("3\t"), nBest.out());
        Files.write(in, new byte[] {'n', 'i', '3', '\n', (byte) 0xc4, (byte) 0xe3, '\n'}); // GBK for 你
        Cli.Run gbk = Cli.naoyu("pinyin2hanzi", "--in", in.toString());
        assertEquals(1, gbk.exitCode());
        assertTrue(gbk.err().startsWith("naoyu pinyin2hanzi: " + in + ": line 2 is not UTF-8 text"), gbk.err());
        assertEquals("你", gbk.out().strip(), "the lines before it were converted");
        String refused = Cli.naoyu("pinyin2hanzi", "--in", in.toString(), "--n-best", "0").err();
        assertTrue(refused.startsWith("naoyu pinyin2hanzi: --n-best must be in [1, 100], got 0"), refused);
    }

    @Test
    void heldOutSentencesAreConvertedAsTheDocsSay() throws Exception {
        List<Sentence> heldOut = Corpora.heldOut();
        Path pinyin = dir.resolve("pinyin.txt");
        Path hanzi = dir.resolve("hanzi.txt");
        Files.write(pinyin, heldOut.stream().map(s -> String.join(" ", s.syllables())).toList());
        Files.write(hanzi, heldOut.stream().map(Sentence::text).toList());
        ObjectMapper json = new ObjectMapper();
        JsonNode toned = json.readTree(Cli.naoyu("lm-eval", "--in", pinyin.toString(), "--ref", hanzi.toString(),
                "--json").out());
        JsonNode toneless = json.readTree(Cli.naoyu("lm-eval", "--in", pinyin.toString(), "--ref", hanzi.toString(),
                "--json", "--toneless").out());
        assertEquals(heldOut.size(), toned.get("sentences").asInt());
        // decoder/README.md states 0.995 and 0.958 with libime's and sunpinyin's trigrams, 0.987 and 0.932 with
        // sunpinyin's alone, 0.969 and 0.909 with the bigram alone (a build that found neither Debian package):
        // these guard against regressions of whichever this build has
        boolean both = org.naoyu.decoder.language.KenLmModel.present()
                && org.naoyu.decoder.language.SunpinyinModel.present();
        boolean trigram = org.naoyu.decoder.language.SunpinyinModel.present();
        assertTrue(toned.get("character_accuracy").asDouble() >= (both ? 0.99 : trigram ? 0.98 : 0.96),
                toned.toString());
        assertTrue(toneless.get("character_accuracy").asDouble() >= (both ? 0.95 : trigram ? 0.925 : 0.90),
                toneless.toString());
        assertTrue(toned.get("ms_per_sentence").asDouble() > 0, toned.toString());

        JsonNode simulated = json.readTree(Cli.naoyu("lm-eval", "--in", pinyin.toString(), "--ref", hanzi.toString(),
                "--json", "--simulate", "0.7", "--repeats", "2").out());
        JsonNode point = simulated.get("points").get(0);
        assertEquals(0.7, point.get("syllable_accuracy").asDouble(), 0.05);
        assertTrue(point.get("characters_with_lm").asDouble() >= (both ? 0.92 : trigram ? 0.90 : 0.85),
                point.toString());
        assertTrue(point.get("characters_with_lm").asDouble() > point.get("characters_without_lm").asDouble() + 0.2,
                point.toString());

        assertEquals(0, CharacterErrors.editDistance("我想喝水", "我想喝水"));
        assertEquals(1, CharacterErrors.editDistance("我想河水", "我想喝水"));
        assertEquals(2, CharacterErrors.editDistance("我想", "我想喝水"));
        assertEquals(1, CharacterErrors.editDistance("𠮷", "吉"), "code points, not UTF-16 units");

        Files.write(hanzi, List.of("只有一行"));
        Cli.Run mismatch = Cli.naoyu("lm-eval", "--in", pinyin.toString(), "--ref", hanzi.toString());
        assertEquals("naoyu lm-eval: " + pinyin + " has " + heldOut.size() + " lines but " + hanzi + " has 1; they "
                + "must pair line by line", mismatch.err().strip());
    }
}
