package org.naoyu.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a committed build script with python3 (a build-time tool here, never a runtime dependency). */
public final class Python {
    private Python() {
    }

    /** Runs {@code script} with {@code args}; returns what it printed. Skips the test when python3 is missing. */
    public static String run(String script, String... args) throws IOException, InterruptedException {
        Path path = Path.of(script);
        assumeTrue(Files.isRegularFile(path), script + " is run from the datasets module");
        List<String> command = new ArrayList<>(List.of("python3", path.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed: " + noPython.getMessage());
            return "";
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), script + " did not finish in 120 s");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
