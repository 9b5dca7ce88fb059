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
public class NaoyuLauncherIT {
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

    /**
     * The README's first line: {@code ./naoyu demo} ends with a speller in the browser. The demo is started as a user
     * would, its participant page is fetched from the address it prints, and it stops cleanly after its --seconds.
     */
    @Test
    void theDemoServesTheSpeller() throws Exception {
        Path work = Files.createTempDirectory("naoyu-demo-it");
        Path out = work.resolve("out.txt");
        Process demo = new ProcessBuilder(LAUNCHER.toString(), "demo", "--port", "0", "--seconds", "25", "--work",
                work.resolve("demo").toString()).redirectOutput(out.toFile())
                .redirectError(work.resolve("err.txt").toFile()).start();
        try {
            String url = null;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (url == null && System.nanoTime() < deadline && demo.isAlive()) {
                url = Files.readString(out, StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("participant view: ")).map(l -> l.substring(18).trim())
                        .findFirst().orElse(null);
                Thread.sleep(200);
            }
            assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "no participant address printed: "
                    + Files.readString(out) + Files.readString(work.resolve("err.txt")));
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("脑语"), page.body());
            assertTrue(demo.waitFor(90, TimeUnit.SECONDS), "the demo did not stop after --seconds");
            assertEquals(0, demo.exitValue(), Files.readString(work.resolve("err.txt")));
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(printed.contains("using the shipped demo model"), printed);
            assertTrue(printed.contains("session ended: "), printed);
        } finally {
            demo.destroyForcibly();
        }
    }

    /**
     * {@code naoyu bench --json} through the launcher, small: it prints the figures as JSON, says for each budget
     * line whether it held, exits 0 exactly when all did (3 otherwise), and runs on the collector the launcher
     * chooses.
     */
    @Test
    void benchPrintsTheBudgetAsJson() throws Exception {
        Path work = Files.createTempDirectory("naoyu-bench-it");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "bench", "--channels", "32", "--rate", "1000",
                "--seconds", "10", "--largest", "64", "--json").redirectOutput(work.resolve("out.json").toFile())
                .redirectError(work.resolve("err.txt").toFile());
        for (String chooser : List.of("NAOYU_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(chooser); // the launcher's own choice of collector is under test
        }
        Process bench = builder.start();
        try {
            assertTrue(bench.waitFor(240, TimeUnit.SECONDS), "bench did not finish in 240 s");
        } finally {
            bench.destroyForcibly();
        }
        String err = Files.readString(work.resolve("err.txt"));
        assertTrue(bench.exitValue() == 0 || bench.exitValue() == 3, "exit " + bench.exitValue() + ": " + err);
        Map<String, Object> figures = org.naoyu.speller.session.Events.parse(Files.readString(
                work.resolve("out.json")));
        List<?> budget = (List<?>) figures.get("budget");
        assertEquals(6, budget.size(), figures.toString());
        boolean allMet = budget.stream().allMatch(line -> Boolean.TRUE.equals(((Map<?, ?>) line).get("met")));
        assertEquals(allMet, figures.get("met"));
        assertEquals(allMet ? 0 : 3, bench.exitValue(), "the exit code gates on the budget");
        assertTrue(String.valueOf(((Map<?, ?>) figures.get("machine")).get("collector")).contains("ZGC"),
                "the launcher runs naoyu on ZGC: " + figures.get("machine"));
        Map<?, ?> measurement = (Map<?, ?>) figures.get("measurement");
        Map<?, ?> realTime = (Map<?, ?>) measurement.get("realTime");
        assertTrue(((Number) realTime.get("attempts")).intValue() > 0, "attempts decoded in 10 s: " + realTime);
        assertTrue(((Number) ((Map<?, ?>) measurement.get("fastest")).get("realTimeFactor")).doubleValue() > 1,
                measurement.toString());
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
