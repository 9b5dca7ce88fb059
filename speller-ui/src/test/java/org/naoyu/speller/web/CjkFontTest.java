package org.naoyu.speller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served font: fontconfig's list ranked, and a font lister that hangs or fails costs nothing but the font. */
class CjkFontTest {

    @Test
    void notoOrSourceHanIsPreferredThenWenQuanYiAndMissingFilesAreSkipped(@TempDir Path dir) throws Exception {
        Path wqy = Files.createFile(dir.resolve("wqy-microhei.ttc"));
        Path noto = Files.createFile(dir.resolve("NotoSansCJK-Regular.ttc"));
        String listing = wqy + ":\n" + dir.resolve("NotoSansCJK-Missing.ttc") + ":\n" + noto + ":\n";
        CjkFont font = CjkFont.find(List.of("printf", "%s", listing), Duration.ofSeconds(10));
        assertEquals(noto, font.file());
        assertEquals("font/collection", font.mimeType());
        CjkFont onlyWqy = CjkFont.find(List.of("printf", "%s", wqy + ":\n"), Duration.ofSeconds(10));
        assertEquals(wqy, onlyWqy.file());
    }

    @Test
    void aListerThatHangsIsGivenUpAtTheTimeout() {
        long start = System.nanoTime();
        CjkFont font = CjkFont.find(List.of("sleep", "30"), Duration.ofMillis(300));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertNull(font.file());
        assertTrue(seconds < 5, "gave up after " + seconds + " s");
    }

    @Test
    void aListerThatFailsOrIsMissingGivesNoFont() {
        assertNull(CjkFont.find(List.of("false"), Duration.ofSeconds(10)).file());
        assertNull(CjkFont.find(List.of("/nonexistent/fc-list"), Duration.ofSeconds(10)).file());
    }
}
