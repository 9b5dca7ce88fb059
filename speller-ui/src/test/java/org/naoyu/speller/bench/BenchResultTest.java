package org.naoyu.speller.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code naoyu bench --json}: the fields, their nesting and order of the committed budget run. */
class BenchResultTest {

    @Test
    void theCommittedRunIsWrittenAsItWas() throws Exception {
        // a copy of docs/bench/bench-256ch-600s.json, written by naoyu bench --seconds 600 --json
        String committed;
        try (InputStream in = BenchResultTest.class.getResourceAsStream("bench-256ch-600s.json")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        BenchResult result = new ObjectMapper().readValue(committed, BenchResult.class);
        // the run was written before naoyu's one JSON path dropped the ".0" of whole numbers (2000.0 -> 2000)
        String wholeNumbersPlain = committed.replaceAll("(\\d)\\.0([,}\\]])", "$1$2");
        assertEquals(wholeNumbersPlain, result.toJson());
        assertTrue(result.met());
        assertTrue(result.sweep().isEmpty(), "no sweep without --report, and no \"sweep\" field");
    }

    @Test
    void whatJsonCannotHoldIsNull() {
        Stage empty = new Stage("dsp per block", 0, Double.NaN, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY);
        Measurement m = new Measurement(64, 1000, "linear", new RealTime(10, List.of(empty), 0, 0, 0, 0, 0, 0, 0, 0,
                0, "G1"), new AsFastAsPossible(10, 0, Double.POSITIVE_INFINITY, List.of(empty)));
        BenchResult result = new BenchResult(new BenchResult.Machine("17", 2, "G1", 1024), m,
                new BenchResult.LargestGrid(64, Double.NaN), List.of(new BudgetLine("a line", 1, Double.NaN, false)),
                false, List.of(m));
        String json = result.toJson();
        assertTrue(json.contains("{\"stage\":\"dsp per block\",\"count\":0,\"p50Ms\":null,\"p95Ms\":null,"
                + "\"p99Ms\":null,\"maxMs\":null}"), json);
        assertTrue(json.contains("\"realTimeFactor\":null"), json);
        assertTrue(json.contains("\"measured\":null"), json);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        assertTrue(json.contains(",\"met\":false,\"sweep\":[{\"channels\":64,") && json.endsWith("]}"),
                "the sweep last, when there is one: " + json);
    }
}
