package org.naoyu.datasets.edf;

/**
 * One EDF+ annotation from a time-stamped annotation list (TAL).
 *
 * @param onsetSeconds    seconds after the file's start time (which includes its sub-second part)
 * @param durationSeconds how long it lasts, or NaN when the TAL gives no duration
 * @param text            the annotation, UTF-8 decoded
 */
public record EdfAnnotation(double onsetSeconds, double durationSeconds, String text) {
    public boolean hasDuration() {
        return !Double.isNaN(durationSeconds);
    }
}
