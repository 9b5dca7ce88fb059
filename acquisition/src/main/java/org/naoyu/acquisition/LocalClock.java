package org.naoyu.acquisition;

/**
 * The LSL clock: seconds on a monotonic clock with an arbitrary origin, as liblsl's {@code lsl_local_clock()}.
 *
 * <p>Every timestamp naoyu puts on a sample, and every time value on the LSL wire, is read from this clock. liblsl uses
 * {@code std::chrono::steady_clock}, which on Linux is {@code CLOCK_MONOTONIC} (seconds since boot); so does
 * {@link System#nanoTime()} in OpenJDK on Linux, so a Java outlet and a liblsl inlet on one host share one time base
 * and their time correction is a few microseconds (lsl-wire-protocol.md §2, "Clock"). On other platforms the origin
 * differs from liblsl's and LSL's time correction absorbs the offset, as it does between machines.
 */
public final class LocalClock {
    private static final double SECONDS_PER_NANO = 1e-9;

    private LocalClock() {
    }

    /** Now, in seconds. Never decreases within a process; no allocation. */
    public static double now() {
        return System.nanoTime() * SECONDS_PER_NANO;
    }

    /** Now, in nanoseconds on the same clock, for measuring short intervals without rounding. */
    public static long nowNanos() {
        return System.nanoTime();
    }

    /** Converts a reading of {@link #nowNanos()} to the seconds of {@link #now()}. */
    public static double toSeconds(long nanos) {
        return nanos * SECONDS_PER_NANO;
    }
}
