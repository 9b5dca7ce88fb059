package org.naoyu.speller.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.bench.AsFastAsPossible;
import org.naoyu.speller.bench.BudgetLine;
import org.naoyu.speller.bench.Measurement;
import org.naoyu.speller.bench.RealTime;
import org.naoyu.speller.bench.Stage;
import org.naoyu.speller.session.LatencyStats;

class BenchReportTest {
    @Test
    void theMainRunWithoutASweep() {
        List<Stage> stages = new ArrayList<>();
        for (LatencyStats.Stage s : LatencyStats.Stage.values()) {
            stages.add(new Stage(s.label(), 100, 0.5, 0.9, 1, 1.25));
        }
        RealTime rt = new RealTime(600.4, stages, 100, 100, 2, 1, 1_200_000, 1_199_000, 10,
                0.044, 0, "ZGC Pauses");
        Measurement main = new Measurement(256, 2000.5, "network", rt,
                new AsFastAsPossible(30, 0.5, 60, stages));
        String html = BenchReport.html(main, List.of(), List.of(
                new BudgetLine("end to end p99 < 20 ms & more", 20, 6.6, true),
                new BudgetLine("real-time factor", 20.5, 15, false)), "ZGC <Cycles>");
        assertTrue(html.contains("<p>256 ch @ 2000.5 Hz, network decoder, "), html);
        assertTrue(html.contains(", collector ZGC &lt;Cycles&gt;.</p>"), html);
        assertTrue(html.contains("<tr><td>end to end p99 &lt; 20 ms &amp; more</td><td>20</td><td>6.600</td>"
                + "<td class=\"ok\">met</td></tr>"), html);
        assertTrue(html.contains("<tr><td>real-time factor</td><td>20.5</td><td>15.000</td>"
                + "<td class=\"miss\">MISSED</td></tr>"), html);
        assertTrue(html.contains("<h2>Real time through LSL (600 s after warm-up)</h2>"), html);
        assertTrue(html.contains("<tr><td>dsp per block</td><td>100</td><td>0.500</td><td>0.900</td><td>1.000</td>"
                + "<td>1.250</td></tr>"), html);
        assertTrue(html.contains("<p>Deadline misses: 2 attempts over 20 ms end to end, 1 blocks over 1 ms of dsp. "
                + "GC: 10 pauses, longest 0.04 ms.</p>"), html);
        assertFalse(html.contains("Against channel count"), "no sweep, no plots");
        assertEquals(-1, html.indexOf("<svg"), html);
        EvaluationReportTest.selfContained(html);
    }
}
