package org.naoyu.speller.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An installed font with Chinese characters, served to the pages so that a tablet without one still shows hanzi
 * (found with fontconfig's {@code fc-list :lang=zh}). Null file: none installed, the browser's fonts are used.
 */
public record CjkFont(Path file) {

    /** The first installed font fontconfig lists for Chinese, preferring Noto/Source Han, then WenQuanYi. */
    public static CjkFont find() {
        return find(List.of("fc-list", ":lang=zh", "file"), Duration.ofSeconds(10));
    }

    /**
     * The best font {@code command} lists (one file per line), or none when it fails or takes longer than
     * {@code timeout}: its output goes to a file, so a command that hangs cannot hold the start-up past the timeout.
     */
    static CjkFont find(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("naoyu-fc-list-", ".txt");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new CjkFont(null);
            }
            if (p.exitValue() != 0) {
                return new CjkFont(null);
            }
            String listed = Files.readString(output, StandardCharsets.UTF_8);
            Path best = null;
            int bestRank = Integer.MAX_VALUE;
            for (String line : listed.lines().toList()) {
                String file = line.replaceAll(":\\s*$", "").trim();
                if (file.isEmpty() || !Files.isReadable(Path.of(file))) {
                    continue;
                }
                String lower = file.toLowerCase(Locale.ROOT);
                int rank = lower.contains("notosanscjk") || lower.contains("sourcehansans") ? 0
                        : lower.contains("wqy-microhei") ? 1 : lower.contains("wqy") ? 2 : 3;
                if (rank < bestRank) {
                    best = Path.of(file);
                    bestRank = rank;
                }
            }
            return new CjkFont(best);
        } catch (IOException e) {
            return new CjkFont(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CjkFont(null);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file left behind holds only font paths
                }
            }
        }
    }

    public String mimeType() {
        String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ttc") ? "font/collection" : name.endsWith(".otf") ? "font/otf" : "font/ttf";
    }
}
