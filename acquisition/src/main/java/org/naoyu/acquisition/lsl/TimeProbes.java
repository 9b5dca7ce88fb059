package org.naoyu.acquisition.lsl;

import java.util.List;

/**
 * Time correction from {@code LSL:timedata} probes (lsl-wire-protocol.md §5): of one wave of probes, the one with
 * the smallest round trip gives the estimate, since its offset is least blurred by network delay.
 */
public final class TimeProbes {
    private TimeProbes() {
    }

    /**
     * One probe: t0 sent (local clock), t1 received by the outlet, t2 answered by the outlet (remote clock), t3 reply
     * received (local clock).
     */
    record Probe(double t0, double t1, double t2, double t3) {
        double roundTrip() {
            return (t3 - t0) - (t2 - t1);
        }

        /** Remote minus local. */
        double offset() {
            return ((t1 - t0) + (t2 - t3)) / 2;
        }
    }

    /**
     * @param correction  seconds to add to the outlet's timestamps to get local time (local minus remote)
     * @param uncertainty the round trip of the probe it came from, seconds
     * @param remoteTime  the outlet's clock at the probe, seconds
     */
    public record Estimate(double correction, double uncertainty, double remoteTime) {
    }

    /** The estimate from the fastest probe, or null when fewer than {@code minimumProbes} answered. */
    static Estimate best(List<Probe> probes, int minimumProbes) {
        if (probes.size() < minimumProbes || probes.isEmpty()) {
            return null;
        }
        Probe fastest = probes.get(0);
        for (Probe probe : probes) {
            if (probe.roundTrip() < fastest.roundTrip()) {
                fastest = probe;
            }
        }
        return new Estimate(-fastest.offset(), fastest.roundTrip(), (fastest.t1() + fastest.t2()) / 2);
    }
}
