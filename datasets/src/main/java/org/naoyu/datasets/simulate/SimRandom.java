package org.naoyu.datasets.simulate;

/**
 * The simulator's random numbers: xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64, with normal
 * deviates by Marsaglia's polar method. Written out here rather than taken from {@code java.util.random} because the
 * simulator promises identical bytes for the same seed on every JDK, and the JDK does not pin its Gaussian algorithm.
 * Not thread-safe: every generator owns its own.
 */
final class SimRandom {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator for one purpose: the same seed and stream always give the same sequence. */
    SimRandom(long seed, long stream) {
        long x = seed ^ (stream * 0xD1B54A32D192ED03L);
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x + 0x9E3779B97F4A7C15L);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** A log-normal factor with median 1: {@code exp(sigma · N(0, 1))}. */
    double logNormal(double sigma) {
        return StrictMath.exp(sigma * nextGaussian());
    }

    /** Exponentially distributed waiting time with the given mean. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1 - nextDouble());
    }
}
