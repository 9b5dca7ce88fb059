package org.naoyu.speller.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.NaoyuLauncherIT;
import org.naoyu.speller.bench.AsFastAsPossible;
import org.naoyu.speller.bench.Budget;
import org.naoyu.speller.bench.BudgetLine;
import org.naoyu.speller.bench.Measurement;
import org.naoyu.speller.bench.RealTime;
import org.naoyu.speller.bench.Stage;
import org.naoyu.speller.report.BenchReport;
import org.naoyu.speller.session.LatencyStats;

/** The budget's arithmetic and the report, on made-up measurements (the command itself runs in NaoyuLauncherIT). */
class BenchCommandTest {

    private static Measurement measurement(int channels, double endToEndP99, double dspP99,
            double gcMaxMs, double factor) {
        List<Stage> stages = new ArrayList<>();
        for (LatencyStats.Stage s : LatencyStats.Stage.values()) {
            double p99 = s == LatencyStats.Stage.TO_PAGES ? endToEndP99 : s == LatencyStats.Stage.DSP_BLOCK ? dspP99
                    : 1;
            stages.add(new Stage(s.label(), 100, p99 / 2, p99 * 0.9, p99, p99 * 1.2));
        }
        RealTime rt = new RealTime(600, stages, 100, 100, 0, 0, 1_200_000, 1_199_000, 10,
                gcMaxMs, 0, "ZGC Pauses");
        return new Measurement(channels, 2000, "network", rt,
                new AsFastAsPossible(30, 30 / factor, factor, stages));
    }

    @Test
    void everyLineHeldMeansTheBudgetIsMet() {
        Measurement good = measurement(256, 12, 0.3, 0.4, 60);
        List<BudgetLine> lines = Budget.lines(good, good.fastest(), null, 1024);
        assertEquals(6, lines.size());
        assertTrue(lines.stream().allMatch(BudgetLine::met), lines.toString());
        assertEquals(12, lines.get(0).measured(), 1e-12);
        assertTrue(lines.get(0).line().contains("256 ch @ 2000 Hz"), lines.get(0).line());
    }

    @Test
    void eachMissIsNamed() {
        Measurement slow = measurement(256, 25, 1.5, 7, 12);
        AsFastAsPossible largest = new AsFastAsPossible(10, 12.5, 0.8, List.of());
        RealTime lagging = new RealTime(600, slow.realTime().stages(), 100, 100, 0, 0,
                1_200_000, 1_000_000, 0, 7, 1, "G1");
        List<BudgetLine> lines = Budget.lines(new Measurement(256, 2000, "network",
                lagging, slow.fastest()), largest, null, 1024);
        assertTrue(lines.stream().noneMatch(BudgetLine::met), lines.toString());
        assertTrue(lines.get(0).line().startsWith("end to end p99"), lines.get(0).line());
        assertTrue(lines.get(1).line().startsWith("dsp p99"), lines.get(1).line());
        assertTrue(lines.get(2).line().startsWith("signal received in real time"), lines.get(2).line());
        assertEquals(1_000_000 / 1_200_000.0, lines.get(2).measured(), 1e-12);
        assertTrue(lines.get(3).line().startsWith("longest GC pause"), lines.get(3).line());
        assertTrue(lines.get(5).line().contains("1024 ch"), lines.get(5).line());
        // a largest grid fast enough in-process but whose real-time run fell behind still misses
        assertFalse(Budget.lines(slow, new AsFastAsPossible(10, 1, 10, List.of()), lagging, 1024)
                .get(5).met());
        // the limits themselves hold: equal to the limit is still within it
        Measurement edge = measurement(256, 20, 1, 5, 20);
        assertTrue(Budget.lines(edge, edge.fastest(), null, 1024).stream().allMatch(
                BudgetLine::met));
    }

    @Test
    void noAttemptsIsNotAPass() {
        Measurement m = measurement(256, 0, 0.3, 0, 60);
        RealTime empty = new RealTime(60, m.realTime().stages(), 0, 0, 0, 0, 0, 0, 0, 0, 0,
                "G1");
        Measurement none = new Measurement(256, 2000, "network", empty, m.fastest());
        List<BudgetLine> lines = Budget.lines(none, m.fastest(), null, 1024);
        assertFalse(lines.get(0).met(), "an end-to-end figure needs attempts to stand on");
        assertFalse(lines.get(2).met(), "no signal is not keeping up");
        RealTime undelivered = new RealTime(60, m.realTime().stages(), 10, 7, 3, 0,
                120_000, 120_000, 0, 0, 0, "ZGC");
        assertFalse(Budget.lines(new Measurement(256, 2000, "network", undelivered, m.fastest()),
                m.fastest(), null, 1024).get(0).met(), "attempts that never reached the page");
    }

    @Test
    void theReportDrawsTheSweep() {
        List<Measurement> sweep = List.of(measurement(64, 8, 0.1, 0, 200),
                measurement(256, 25, 0.3, 0, 60), measurement(1024, 30, 1.2, 0, 15));
        String html = BenchReport.html(sweep.get(1), sweep, Budget.lines(sweep.get(1), sweep.get(2).fastest(),
                sweep.get(2).realTime(), 1024), "ZGC Cycles, ZGC Pauses");
        assertEquals(3, html.split("<svg").length - 1, "latency, dsp and real-time factor against channels");
        assertTrue(html.contains("budget p99"), "the budget drawn as a line");
        assertTrue(html.contains("MISSED"), "the end-to-end line is missed at 256 channels in this sweep");
        assertEquals(5, html.split("class=\"ok\">met").length - 1, "the other five lines held");
        assertEquals(50, BenchReport.niceCeiling(34.5), 1e-12);
        assertEquals(2, BenchReport.niceCeiling(1.15), 1e-12);
        assertEquals(100, BenchReport.niceCeiling(100), 1e-12);
    }
}
