package org.naoyu.speller.bench;

/** Everything measured at one channel count. */
public record Measurement(int channels, double rateHz, String decoder, RealTime realTime, AsFastAsPossible fastest) {
}
