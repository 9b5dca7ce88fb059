package org.naoyu.datasets;

/**
 * A marker or annotation: an XDF marker-stream sample, an EDF+ annotation, a GDF event.
 *
 * @param timeSeconds     on the same time axis as the recording's streams
 * @param durationSeconds how long it lasts, NaN when the file does not say
 * @param label           the marker text
 * @param source          where it came from: a stream name, or "annotations"
 */
public record RecordedEvent(double timeSeconds, double durationSeconds, String label, String source) {
}
