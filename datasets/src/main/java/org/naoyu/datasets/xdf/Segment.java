package org.naoyu.datasets.xdf;

/** A run of samples, {@code first} to {@code last} inclusive (pyxdf's segment tuples). */
public record Segment(int first, int last) {
    public Segment {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("segment must have 0 <= first <= last, got (" + first + ", " + last + ")");
        }
    }

    public int length() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return "(" + first + ", " + last + ")";
    }
}
