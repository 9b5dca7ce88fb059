package org.naoyu.datasets.record;

/**
 * How one stream's recording is going, for the live progress line.
 *
 * @param name            the stream
 * @param samples         samples written so far
 * @param effectiveRateHz samples per second over the last timestamps received
 * @param gaps            interruptions so far (the outlet went away and came back)
 * @param connected       whether the stream is flowing now
 */
public record StreamProgress(String name, long samples, double effectiveRateHz, int gaps, boolean connected) {
}
