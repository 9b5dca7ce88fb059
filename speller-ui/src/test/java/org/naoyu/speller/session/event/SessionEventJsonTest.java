package org.naoyu.speller.session.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.OperatorStatus;
import org.naoyu.speller.session.ParticipantState;

/**
 * The JSON of every session event and of the operator status, pinned: the pages, the {@code naoyu-speller} marker
 * stream's readers and recorded sessions rely on these names, this order, and null for what is not a finite number.
 */
class SessionEventJsonTest {
    @Test
    void attempt() {
        SessionEvent.Attempt cued = new SessionEvent.Attempt(1234.56, "cued", "wo3",
                List.of(new SessionEvent.Syllable("wo3", 0.91), new SessionEvent.Syllable("ni3", 0.052)),
                List.of("我想", "我象"), "none");
        assertEquals("{\"event\":\"attempt\",\"onset\":1234.56,\"trigger\":\"cued\",\"cue\":\"wo3\",\"syllables\":"
                + "[{\"syllable\":\"wo3\",\"p\":0.91},{\"syllable\":\"ni3\",\"p\":0.052}],\"candidates\":[\"我想\","
                + "\"我象\"],\"command\":\"none\"}", Events.json(cued));
        SessionEvent.Attempt selfPaced = new SessionEvent.Attempt(12.5, "detected", null,
                List.of(new SessionEvent.Syllable("hao3", 0.7)), List.of(), "commit");
        assertEquals("{\"event\":\"attempt\",\"onset\":12.5,\"trigger\":\"detected\",\"cue\":null,\"syllables\":"
                + "[{\"syllable\":\"hao3\",\"p\":0.7}],\"candidates\":[],\"command\":\"commit\"}",
                Events.json(selfPaced));
    }

    @Test
    void sentence() {
        assertEquals("{\"event\":\"sentence\",\"text\":\"我想喝水\",\"pinyin\":\"wo3 xiang3 he1 shui3\",\"cued\":"
                + "\"我想喝水\",\"correct\":4,\"of\":4,\"index\":0}", Events.json(SessionEvent.Sentence.scored(
                "我想喝水", "wo3 xiang3 he1 shui3", "我想喝水", 0)));
        assertEquals("{\"event\":\"sentence\",\"text\":\"我想\",\"pinyin\":\"wo3 xiang3\",\"cued\":\"我很好\","
                + "\"correct\":1,\"of\":3,\"index\":3}", Events.json(SessionEvent.Sentence.scored("我想",
                "wo3 xiang3", "我很好", 3)));
        // free spelling: nothing to score against, so no correct/of
        assertEquals("{\"event\":\"sentence\",\"text\":\"\",\"pinyin\":\"\",\"cued\":\"\",\"index\":2}",
                Events.json(SessionEvent.Sentence.scored("", "", "", 2)));
        assertEquals("index must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> SessionEvent.Sentence.scored("我", "wo3", "", -1)).getMessage());
    }

    @Test
    void cuePhaseRevisedAndLog() {
        assertEquals("{\"event\":\"cue\",\"kind\":\"sentence_start\",\"text\":\"我想喝水\"}",
                Events.json(new SessionEvent.Cue("sentence_start", "我想喝水")));
        assertEquals("{\"event\":\"cue\",\"kind\":\"cue\",\"text\":\"ma3\"}",
                Events.json(new SessionEvent.Cue("cue", "ma3")));
        assertEquals("{\"event\":\"phase\",\"phase\":\"free-spelling\"}",
                Events.json(new SessionEvent.Phase("free-spelling")));
        assertEquals("{\"event\":\"revised\",\"candidates\":[\"我\",\"卧\"]}",
                Events.json(new SessionEvent.Revised(List.of("我", "卧"))));
        assertEquals("{\"event\":\"log\",\"line\":\"12:00:00  phase: watching\"}",
                Events.json(new SessionEvent.Log("12:00:00  phase: watching")));
    }

    @Test
    void everyEventNamesItsTypeFirst() {
        List<SessionEvent> all = List.of(new SessionEvent.Attempt(0, "cued", "a1", List.of(), List.of(), "none"),
                SessionEvent.Sentence.scored("", "", "", 0), new SessionEvent.Cue("cue", "a1"),
                new SessionEvent.Phase("watching"), new SessionEvent.Revised(List.of()), new SessionEvent.Log(""));
        List<String> types = new ArrayList<>();
        for (SessionEvent e : all) {
            Map<String, Object> parsed = Events.parse(Events.json(e));
            assertEquals("event", parsed.keySet().iterator().next(), parsed.toString());
            assertEquals(e.event(), parsed.get("event"));
            types.add(e.event());
        }
        assertEquals(List.of("attempt", "sentence", "cue", "phase", "revised", "log"), types);
        assertEquals(Arrays.stream(SessionEvent.class.getPermittedSubclasses()).filter(c -> c.isRecord()).count(),
                all.size(), "a test for every event type");
    }

    @Test
    void participantState() {
        assertEquals("{\"phase\":\"cued-sentences\",\"cue\":\"我想喝水\",\"candidates\":[\"我想\"],\"last\":\"谢谢你\"}",
                Events.json(new ParticipantState("cued-sentences", "我想喝水", List.of("我想"), "谢谢你")));
    }

    @Test
    void operatorStatus() {
        OperatorStatus.Stream stream = new OperatorStatus.Stream("naoyu-sim", 2, 1000, Double.NaN, 2500, 1, 12,
                true, null, "naoyu-sim-markers (lost)");
        Map<String, List<Double>> traces = new LinkedHashMap<>();
        traces.put("G2", Arrays.asList(1.5, null));
        traces.put("G1", List.of(-3.25)); // channel order, not alphabetical
        LatencyStats.Summary dsp = new LatencyStats.Summary("dsp", 3, 0.12, 0.5, 0.75, 1.0,
                List.of(new double[] {0.5, 2}, new double[] {1, 1}));
        OperatorStatus status = new OperatorStatus(stream, List.of("G1", "G2"), OperatorStatus.Grid.squareish(2),
                List.of(new OperatorStatus.Quality(12.345, false, List.of()),
                        new OperatorStatus.Quality(0.0, true, List.of("flat"))),
                Arrays.asList(0.5, null), List.of(1), traces, "watching", true, "none", null, "calibration-1.xdf",
                List.of(dsp), Double.NaN, List.of("12:00:00  session started"));
        assertEquals("{\"stream\":{\"name\":\"naoyu-sim\",\"channels\":2,\"nominalRateHz\":1000,"
                + "\"effectiveRateHz\":null,\"samples\":2500,\"gaps\":1,\"droppedSamples\":12,\"connected\":true,"
                + "\"timeCorrectionMs\":null,\"taskStream\":\"naoyu-sim-markers (lost)\"},\"labels\":[\"G1\",\"G2\"],"
                + "\"grid\":{\"rows\":1,\"columns\":2},\"quality\":[{\"rms\":12.345,\"bad\":false,\"problems\":[]},"
                + "{\"rms\":0,\"bad\":true,\"problems\":[\"flat\"]}],\"highGamma\":[0.5,null],\"badChannels\":[1],"
                + "\"traces\":{\"G2\":[1.5,null],\"G1\":[-3.25]},\"phase\":\"watching\",\"settling\":true,"
                + "\"model\":\"none\",\"recording\":null,\"calibrating\":\"calibration-1.xdf\",\"latency\":[{\"stage\":"
                + "\"dsp\",\"count\":3,\"p50Ms\":0.12,\"p95Ms\":0.5,\"p99Ms\":0.75,\"maxMs\":1,\"bucketsMs\":"
                + "[[0.5,2],[1,1]]}],\"speechProbability\":null,\"log\":[\"12:00:00  session started\"]}",
                Events.json(status));
        OperatorStatus.Stream measured = new OperatorStatus.Stream("ecog", 256, 1000, 999.5, 10, 0, 0, false, 0.25,
                null);
        assertEquals("{\"name\":\"ecog\",\"channels\":256,\"nominalRateHz\":1000,\"effectiveRateHz\":999.5,"
                + "\"samples\":10,\"gaps\":0,\"droppedSamples\":0,\"connected\":false,\"timeCorrectionMs\":0.25,"
                + "\"taskStream\":null}", Events.json(measured));
    }

    @Test
    void theGridIsTheNearestSquare() {
        assertEquals(new OperatorStatus.Grid(8, 8), OperatorStatus.Grid.squareish(64));
        assertEquals(new OperatorStatus.Grid(16, 16), OperatorStatus.Grid.squareish(256));
        assertEquals(new OperatorStatus.Grid(4, 5), OperatorStatus.Grid.squareish(17));
    }
}
