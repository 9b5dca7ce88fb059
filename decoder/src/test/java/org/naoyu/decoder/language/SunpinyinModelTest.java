package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SunpinyinModelTest {
    @TempDir
    Path dir;

    /**
     * Against decoder/scripts/make_sunpinyin_golden.py, an independent numpy reading of the same files, when this
     * machine has the sunpinyin-data the golden file was made from (.ci/run installs it).
     */
    @Test
    void scoresAsTheGoldenFileSays() throws Exception {
        Path model = SunpinyinModel.DEBIAN_DIRECTORY.resolve("lm_sc.t3g");
        assumeTrue(Files.isRegularFile(model), "Debian's sunpinyin-data is not installed");
        List<String> golden;
        try (InputStream in = getClass().getResourceAsStream("sunpinyin-golden.tsv")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals("# sha256 lm_sc.t3g " + sha256(model), golden.get(0), "the golden file's data");
        SunpinyinModel sunpinyin = SunpinyinModel.debian();
        assertEquals(71_759 - 1 + 2, sunpinyin.vocabulary().size(), "unigrams but the boundary, then <s> and </s>");
        List<String> rows = golden.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(30, rows.size());
        for (String row : rows) {
            String[] f = row.split("\t");
            assertEquals(Double.parseDouble(f[3]), sunpinyin.logProb(f[0], f[1], f[2]), 1e-5, row);
        }
        assertEquals(Double.NEGATIVE_INFINITY, sunpinyin.logProb("我", "没有这个词"));
        assertEquals(sunpinyin.logProb(null, "我", "想"), sunpinyin.logProb("我", "想"), 1e-12);
    }

    @Test
    void filesThatAreNotSunpinyinsAreNamed() throws IOException {
        Path dictionary = dir.resolve("pydict_sc.bin");
        ByteBuffer words = ByteBuffer.allocate(12 + 3 * 4).order(ByteOrder.LITTLE_ENDIAN);
        words.putInt(2).putInt(0).putInt(12).putInt(0).putInt('我').putInt(0); // "" (the boundary), then 我
        Files.write(dictionary, words.array());
        Path model = dir.resolve("lm_sc.t3g");
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(2);
        Files.write(model, header.array());
        assertEquals(model + ": not a sunpinyin trigram (lm_sc.t3g starts with the order 3)",
                assertThrows(IOException.class, () -> SunpinyinModel.read(model, dictionary)).getMessage());
        header.putInt(0, 3).putInt(8, 2).putInt(12, 10).putInt(16, 1).putInt(20, 1);
        Files.write(model, header.array());
        String message = assertThrows(IOException.class, () -> SunpinyinModel.read(model, dictionary)).getMessage();
        assertTrue(message.startsWith(model + ": 24 bytes, but its level counts [2, 10, 1, 1] make "), message);
        Files.write(dictionary, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 0});
        assertEquals(dictionary + ": its header (1 words from byte 99) does not fit its 12 bytes",
                assertThrows(IOException.class, () -> SunpinyinModel.read(model, dictionary)).getMessage());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
