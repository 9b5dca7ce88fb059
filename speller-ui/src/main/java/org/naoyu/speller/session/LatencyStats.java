package org.naoyu.speller.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-stage latency of the online session: the session thread records into HdrHistogram {@link Recorder}s (wait-free
 * for the writer), and readers on other threads (the operator view, {@code /api/latency}) fold the recorded intervals
 * into running totals. Values are nanoseconds, kept to 3 significant digits up to one minute.
 */
public final class LatencyStats {

    /** The stages the session times. */
    public enum Stage {
        /** Feature chain per received block (filters, envelope, z-score, frames into the attempt decoder). */
        DSP_BLOCK("dsp per block"),
        /** Decoder per attempt, from its window being complete to posteriors. */
        DECODER("decoder per attempt"),
        /** Language model update per attempt. */
        LANGUAGE_MODEL("language model per attempt"),
        /** From the block completing an attempt's window being received to the ranked characters handed to the UI. */
        END_TO_END("end to end per attempt"),
        /**
         * From the LSL timestamp of the sample completing the window (on this machine's clock) to the same moment:
         * adds the outlet's chunking, the network and the time samples wait in the inlet.
         */
        FROM_SAMPLE_TIMESTAMP("from sample timestamp per attempt"),
        /** From the block being received to the attempt's message written to a page's WebSocket (per page). */
        TO_PAGES("to the pages per attempt");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One stage's summary, in milliseconds, with a coarse histogram for drawing. */
    public record Summary(String stage, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs,
            List<double[]> bucketsMs) {
    }

    private static final long MAX_NANOS = 60_000_000_000L;
    private final Map<Stage, Recorder> recorders = new LinkedHashMap<>();
    private final Map<Stage, Histogram> totals = new LinkedHashMap<>();

    public LatencyStats() {
        for (Stage stage : Stage.values()) {
            recorders.put(stage, new Recorder(MAX_NANOS, 3));
            totals.put(stage, new Histogram(MAX_NANOS, 3));
        }
    }

    /** Records one measurement; negative or absurd values are clamped into the histogram's range. */
    public void record(Stage stage, long nanos) {
        recorders.get(stage).recordValue(Math.max(0, Math.min(MAX_NANOS, nanos)));
    }

    /** Every stage's summary so far. */
    public synchronized List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Histogram total = totals.get(stage);
            total.add(recorders.get(stage).getIntervalHistogram());
            out.add(new Summary(stage.label(), total.getTotalCount(), ms(total.getValueAtPercentile(50)),
                    ms(total.getValueAtPercentile(95)), ms(total.getValueAtPercentile(99)), ms(total.getMaxValue()),
                    buckets(total)));
        }
        return out;
    }

    /** Forgets everything recorded so far (after a warm-up, say). */
    public synchronized void reset() {
        for (Stage stage : Stage.values()) {
            recorders.get(stage).reset();
            totals.get(stage).reset();
        }
    }

    /** How many measurements of {@code stage} so far exceeded {@code nanos}: a budget's deadline misses. */
    public synchronized long countAbove(Stage stage, long nanos) {
        Histogram total = totals.get(stage);
        total.add(recorders.get(stage).getIntervalHistogram());
        return total.getTotalCount() - total.getCountBetweenValues(0, nanos);
    }

    /** Counts in doubling buckets from 0.05 ms: [upper bound ms, count] pairs, enough for a small bar chart. */
    private static List<double[]> buckets(Histogram histogram) {
        List<double[]> out = new ArrayList<>();
        if (histogram.getTotalCount() == 0) {
            return out;
        }
        long lower = 0;
        for (long upper = 50_000; lower <= histogram.getMaxValue(); upper *= 2) {
            out.add(new double[] {ms(upper), histogram.getCountBetweenValues(lower, upper)
                    - (lower == 0 ? 0 : histogram.getCountAtValue(lower))});
            lower = upper;
        }
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
