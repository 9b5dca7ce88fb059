package org.naoyu.dsp;

/**
 * Normalises a stream of frames ({@code width} values each: channels × features) to z-scores, each value against its
 * own history: over an exponential window (time constant τ), an exact sliding window, or frozen statistics set from
 * calibration. The statistics are updated after each frame is scored, so a frame never scores against itself. Until a
 * value has history (its first frame) it scores 0; a standard deviation below 1e-12 of the mean's scale scores 0 too,
 * rather than dividing by zero. Non-finite values score NaN and do not enter the statistics.
 */
public final class RunningZScore {
    private final ZScore.Mode mode;
    private final int width;
    private final double alpha;
    private final int window;
    private final double[] mean;
    private final double[] meanSquare;
    private final double[] frozenMean;
    private final double[] frozenSd;
    private final long[] count;
    /** Sliding window: ring[slot][value], sums over the window. */
    private final double[][] ring;
    private final boolean[][] ringValid;
    private final double[] sum;
    private final double[] sumSquares;
    private final int[] inWindow;
    private int slot;
    private long frames;
    private boolean frozen;
    /** The most values a sliding window may hold (400 MB of doubles): beyond, use the exponential mode. */
    static final long MAX_SLIDING_VALUES = 50_000_000L;

    public RunningZScore(ZScore config, int width, double frameRateHz) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.mode = config.mode();
        this.width = width;
        double frames = config.windowSeconds() * frameRateHz;
        this.alpha = 1 - Math.exp(-1 / frames);
        this.window = (int) Math.max(2, Math.round(frames));
        this.mean = new double[width];
        this.meanSquare = new double[width];
        this.count = new long[width];
        this.frozenMean = new double[width];
        this.frozenSd = new double[width];
        java.util.Arrays.fill(frozenSd, 1);
        boolean sliding = mode == ZScore.Mode.SLIDING;
        if (sliding && (long) window * width > MAX_SLIDING_VALUES) {
            throw new IllegalArgumentException("a sliding z-score window of " + window + " frames x " + width
                    + " values needs " + (long) window * width * 9 / 1_000_000 + " MB; use the exponential mode or a "
                    + "window under " + MAX_SLIDING_VALUES / width / (long) frameRateHz + " s");
        }
        this.ring = sliding ? new double[window][width] : null;
        this.ringValid = sliding ? new boolean[window][width] : null;
        this.sum = new double[width];
        this.sumSquares = new double[width];
        this.inWindow = new int[width];
    }

    /** Replaces {@code values[0, width)} by their z-scores and learns from them. */
    public void apply(double[] values) {
        switch (mode) {
            case NONE -> {
                for (int i = 0; i < width; i++) {
                    values[i] = Double.isFinite(values[i]) ? values[i] : Double.NaN;
                }
            }
            case FROZEN -> {
                if (!frozen) {
                    throw new IllegalStateException("frozen z-scores need their statistics: call freeze(means, sds) "
                            + "first (a model carries them from its calibration)");
                }
                for (int i = 0; i < width; i++) {
                    values[i] = Double.isFinite(values[i]) ? (values[i] - frozenMean[i]) / frozenSd[i] : Double.NaN;
                }
            }
            case EXPONENTIAL -> exponential(values);
            case SLIDING -> sliding(values);
            default -> throw new IllegalStateException("unhandled mode " + mode);
        }
        frames++;
    }

    private void exponential(double[] values) {
        for (int i = 0; i < width; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                values[i] = Double.NaN;
                continue;
            }
            values[i] = score(v, mean[i], meanSquare[i], count[i]);
            if (count[i] == 0) {
                mean[i] = v;
                meanSquare[i] = v * v;
            } else {
                // a faster start: the first frames average equally until the window is reached
                double a = Math.max(alpha, 1.0 / (count[i] + 1));
                mean[i] += a * (v - mean[i]);
                meanSquare[i] += a * (v * v - meanSquare[i]);
            }
            count[i]++;
        }
    }

    private void sliding(double[] values) {
        double[] old = ring[slot];
        boolean[] oldValid = ringValid[slot];
        for (int i = 0; i < width; i++) {
            double v = values[i];
            boolean valid = Double.isFinite(v);
            values[i] = valid && inWindow[i] > 0 ? score(v, sum[i] / inWindow[i], sumSquares[i] / inWindow[i],
                    inWindow[i]) : valid ? 0 : Double.NaN;
            if (frames >= window && oldValid[i]) {
                sum[i] -= old[i];
                sumSquares[i] -= old[i] * old[i];
                inWindow[i]--;
            }
            old[i] = valid ? v : 0;
            oldValid[i] = valid;
            if (valid) {
                sum[i] += v;
                sumSquares[i] += v * v;
                inWindow[i]++;
            }
        }
        slot = (slot + 1) % window;
        if (slot == 0) { // once a window, recompute the sums exactly so rounding cannot accumulate
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(sumSquares, 0);
            for (int k = 0; k < window; k++) {
                for (int i = 0; i < width; i++) {
                    if (ringValid[k][i]) {
                        sum[i] += ring[k][i];
                        sumSquares[i] += ring[k][i] * ring[k][i];
                    }
                }
            }
        }
    }

    private static double score(double v, double m, double m2, long n) {
        if (n == 0) {
            return 0;
        }
        double variance = m2 - m * m;
        double scale = Math.max(1e-300, Math.abs(m));
        if (!(variance > 1e-24 * scale * scale)) {
            return 0;
        }
        return (v - m) / Math.sqrt(variance);
    }

    /** Fixes the statistics (for {@link ZScore.Mode#FROZEN}); {@code sd} values must be positive. */
    public void freeze(double[] means, double[] sds) {
        if (means.length != width || sds.length != width) {
            throw new IllegalArgumentException("frozen statistics need " + width + " means and sds, got "
                    + means.length + " and " + sds.length);
        }
        for (int i = 0; i < width; i++) {
            if (!(sds[i] > 0) || !Double.isFinite(means[i])) {
                throw new IllegalArgumentException("frozen sd " + i + " must be > 0 and mean finite, got mean "
                        + means[i] + ", sd " + sds[i]);
            }
        }
        System.arraycopy(means, 0, frozenMean, 0, width);
        System.arraycopy(sds, 0, frozenSd, 0, width);
        frozen = true;
    }

    /** The current mean of every value (for freezing after calibration). */
    public double[] currentMeans() {
        double[] m = new double[width];
        for (int i = 0; i < width; i++) {
            m[i] = mode == ZScore.Mode.SLIDING ? (inWindow[i] > 0 ? sum[i] / inWindow[i] : 0)
                    : mode == ZScore.Mode.FROZEN ? frozenMean[i] : mean[i];
        }
        return m;
    }

    /** The current standard deviation of every value. */
    public double[] currentSds() {
        double[] s = new double[width];
        double[] m = currentMeans();
        for (int i = 0; i < width; i++) {
            double m2 = mode == ZScore.Mode.SLIDING ? (inWindow[i] > 0 ? sumSquares[i] / inWindow[i] : 0)
                    : meanSquare[i];
            s[i] = mode == ZScore.Mode.FROZEN ? frozenSd[i] : Math.sqrt(Math.max(0, m2 - m[i] * m[i]));
        }
        return s;
    }

    public void reset() {
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(meanSquare, 0);
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSquares, 0);
        java.util.Arrays.fill(inWindow, 0);
        if (ring != null) {
            for (int k = 0; k < window; k++) {
                java.util.Arrays.fill(ring[k], 0);
                java.util.Arrays.fill(ringValid[k], false);
            }
        }
        slot = 0;
        frames = 0;
    }
}
