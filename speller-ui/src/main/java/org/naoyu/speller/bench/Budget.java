package org.naoyu.speller.bench;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.support.Numbers;

/** The real-time budget of docs/BUDGET.md: its limits, and its lines checked against what was measured. */
public final class Budget {
    /** End to end, the last sample's block received to the ranked characters written to the page, p99. */
    public static final double END_TO_END_P99_MS = 20;
    /** The dsp chain per 10-ms block, p99. */
    public static final double DSP_P99_MS = 1;
    /** The longest pause or allocation stall of the garbage collector. */
    public static final double GC_PAUSE_MS = 5;
    /** Signal seconds per wall-clock second in-process, as fast as possible. */
    public static final double REAL_TIME_FACTOR = 20;
    /** The share of the samples sent through LSL that a session keeping up receives. */
    public static final double RECEIVED_SHARE = 0.99;

    private Budget() {
    }

    /**
     * The budget's lines. Any line with nothing measured (no attempts, no blocks, no signal) is missed.
     *
     * @param largest the as-fast-as-possible run at the largest grid
     * @param largestRun the real-time run at the largest grid, or null when only its as-fast-as-possible run exists
     */
    public static List<BudgetLine> lines(Measurement main, AsFastAsPossible largest, RealTime largestRun,
            int largestGrid) {
        RealTime rt = main.realTime();
        String at = main.channels() + " ch @ " + Numbers.plain(main.rateHz()) + " Hz";
        List<BudgetLine> lines = new ArrayList<>();
        double endToEnd = rt.stage(LatencyStats.Stage.TO_PAGES).p99Ms();
        lines.add(new BudgetLine("end to end p99 (last sample's block received to ranked characters written to the "
                + "page), " + at + ", ms", END_TO_END_P99_MS, endToEnd, rt.attempts() > 0
                && rt.pageAttempts() >= rt.attempts() && endToEnd <= END_TO_END_P99_MS));
        Stage dspStage = rt.stage(LatencyStats.Stage.DSP_BLOCK);
        lines.add(new BudgetLine("dsp p99 per 10-ms block, " + at + ", ms", DSP_P99_MS, dspStage.p99Ms(),
                dspStage.count() > 0 && dspStage.p99Ms() <= DSP_P99_MS));
        double share = rt.samplesExpected() == 0 ? 0 : rt.samplesReceived() / (double) rt.samplesExpected();
        lines.add(new BudgetLine("signal received in real time through LSL (received / sent), " + at,
                RECEIVED_SHARE, share, rt.keptUp()));
        lines.add(new BudgetLine("longest GC pause in " + Numbers.plain(rt.seconds()) + " s, ms", GC_PAUSE_MS,
                rt.gcMaxMs(), rt.gcMaxMs() <= GC_PAUSE_MS));
        double factor = main.fastest().realTimeFactor();
        lines.add(new BudgetLine("real-time factor as fast as possible, " + at, REAL_TIME_FACTOR, factor,
                factor >= REAL_TIME_FACTOR));
        lines.add(new BudgetLine("real-time factor at " + largestGrid + " ch, as fast as possible" + (largestRun == null
                ? "" : ", and its real-time run kept up") + " (1 = real time)", 1, largest.realTimeFactor(),
                largest.realTimeFactor() >= 1 && (largestRun == null || largestRun.keptUp())));
        return List.copyOf(lines);
    }
}
