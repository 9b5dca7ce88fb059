package org.naoyu.datasets.simulate;

/**
 * One articulator's engagement during a syllable: active from {@code start} to {@code end} (fractions of the
 * syllable's duration) at a relative {@code amplitude} in (0, 1]. A {@code contour}, when not null, shapes the
 * amplitude over the gesture (the pitch contour of a tone), sampled at evenly spaced points.
 */
public record Gesture(Articulator articulator, double start, double end, double amplitude, double[] contour) {
    public Gesture {
        if (!(start >= 0 && start < end && end <= 1.2)) {
            throw new IllegalArgumentException("a gesture must have 0 <= start < end <= 1.2, got [" + start + ", "
                    + end + "]");
        }
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be in (0, 1], got " + amplitude);
        }
        contour = contour == null ? null : contour.clone();
    }

    Gesture(Articulator articulator, double start, double end, double amplitude) {
        this(articulator, start, end, amplitude, null);
    }

    /** A copy of the contour, or null. */
    @Override
    public double[] contour() {
        return contour == null ? null : contour.clone();
    }

    /** The contour's level at fraction {@code x} ∈ [0, 1] of the gesture, linearly interpolated; 1 without one. */
    double contourAt(double x) {
        if (contour == null) {
            return 1;
        }
        double position = StrictMath.max(0, StrictMath.min(1, x)) * (contour.length - 1);
        int i = StrictMath.min((int) position, contour.length - 2);
        double f = position - i;
        return contour[i] * (1 - f) + contour[i + 1] * f;
    }

    @Override
    public String toString() {
        return articulator + String.format(java.util.Locale.ROOT, " [%.2f, %.2f] x%.2f%s", start, end, amplitude,
                contour == null ? "" : " contour " + java.util.Arrays.toString(contour));
    }
}
