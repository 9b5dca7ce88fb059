package org.naoyu.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalClockTest {

    @Test
    void neverGoesBackwards() {
        double previous = LocalClock.now();
        for (int i = 0; i < 100_000; i++) {
            double now = LocalClock.now();
            assertTrue(now >= previous, "clock went back from " + previous + " to " + now);
            previous = now;
        }
    }

    @Test
    void nanosAndSecondsAreTheSameClock() {
        long nanos = LocalClock.nowNanos();
        double seconds = LocalClock.now();
        double nanosAsSeconds = LocalClock.toSeconds(nanos);
        assertTrue(seconds >= nanosAsSeconds && seconds - nanosAsSeconds < 0.5,
                nanosAsSeconds + " then " + seconds);
        assertEquals(1.5, LocalClock.toSeconds(1_500_000_000L));
    }

    @Test
    void tracksWallTimeRate() throws InterruptedException {
        double start = LocalClock.now();
        long wallStart = System.currentTimeMillis();
        Thread.sleep(200);
        double elapsed = LocalClock.now() - start;
        double wallElapsed = (System.currentTimeMillis() - wallStart) / 1000.0;
        assertEquals(wallElapsed, elapsed, 0.05, "seconds, not some other unit");
    }

    /**
     * The interop claim of lsl-wire-protocol.md §2: on Linux our clock reads CLOCK_MONOTONIC, as liblsl's
     * {@code lsl_local_clock()} and Python's {@code time.monotonic()} do. A reading taken by another process must lie
     * between two of ours.
     */
    @Test
    void readsTheSameClockAsOtherProcessesOnLinux() throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "CLOCK_MONOTONIC is the LSL clock on Linux");
        ProcessBuilder python = new ProcessBuilder("python3", "-c", "import time; print(repr(time.monotonic()))");
        double before = LocalClock.now();
        Process process;
        try {
            process = python.start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python3 did not answer in 30 s");
        double after = LocalClock.now();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertEquals(0, process.exitValue(), "python3 failed: " + output);
        double theirs = Double.parseDouble(output);
        assertTrue(theirs >= before && theirs <= after,
                "python's monotonic clock " + theirs + " is not between our readings " + before + " and " + after);
    }
}
