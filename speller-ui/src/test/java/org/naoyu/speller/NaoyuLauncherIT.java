package org.naoyu.speller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code ./naoyu} launcher script at the repository root as a user would, against the jar that
 * {@code mvn package} just built (failsafe runs this after the package phase).
 */
class NaoyuLauncherIT {
    private static final Path LAUNCHER = Path.of("..", "naoyu").toAbsolutePath().normalize();

    private record Result(int exitCode, String out, String err) {
    }

    private static Result launch(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path outFile = Files.createTempFile("naoyu-out", ".txt");
        Path errFile = Files.createTempFile("naoyu-err", ".txt");
        try {
            builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "naoyu did not finish in 60 s");
            return new Result(process.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    @Test
    void versionFromTheLauncher() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " must be executable");
        Result result = launch(Map.of(), "--version");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("naoyu 0.1.0-SNAPSHOT\ncommit "), result.out());
    }

    @Test
    void helpFromTheLauncherShowsChineseCorrectly() throws Exception {
        Result result = launch(Map.of(), "--help");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("naoyu (脑语)"), result.out());
        assertTrue(result.out().contains("Usage: naoyu [-hvV] [COMMAND]"), result.out());
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        Result result = launch(Map.of(), "--no-such-option");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Unknown option: '--no-such-option'"), result.err());
    }

    @Test
    void aMissingJarTellsTheUserToBuildFirst() throws Exception {
        Result result = launch(Map.of("NAOYU_JAR", "/nonexistent/naoyu.jar"), "--version");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("naoyu: /nonexistent/naoyu.jar is missing: build naoyu first with\n"),
                result.err());
        assertTrue(result.err().contains("mvn -B -DskipTests package"), result.err());
    }
}
