package org.naoyu.speller.bench;

import org.naoyu.speller.session.LatencyStats;

/** One stage's figures in milliseconds. */
public record Stage(String stage, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    static Stage of(LatencyStats.Summary s) {
        return new Stage(s.stage(), s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs());
    }
}
