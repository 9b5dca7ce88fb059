package org.naoyu.speller.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.Cli;

/** naoyu ideal-observer as a user runs it: a small grid, a few attempts over the whole inventory. */
class IdealObserverCommandTest {
    @Test
    void printsBothObserversOverTheWholeInventory() throws Exception {
        Cli.Run run = Cli.naoyu("ideal-observer", "--channels", "16", "--trials", "6", "--nodes", "3", "--snr", "6",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1391, json.get("inventory").asInt(), "every toned syllable is a candidate");
        assertEquals(16, json.get("channels").asInt());
        assertEquals(6, json.get("trials").asInt());
        assertEquals(1.6, json.get("degrees_of_freedom").asDouble(), 1e-9);
        double oracle = json.get("oracle").get("toned").asDouble();
        double marginal = json.get("marginal").get("toned").asDouble();
        assertTrue(oracle >= marginal, run.out());
        assertTrue(oracle > 0.5, "at SNR 6 the oracle names most attempts even on 16 electrodes: " + run.out());
        assertTrue(json.get("oracle").get("toned_low").asDouble() <= oracle);
        assertTrue(run.err().contains("6 of 6 attempts"), run.err());

        Cli.Run text = Cli.naoyu("ideal-observer", "--channels", "16", "--trials", "2", "--nodes", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("participant 1, 16 channels ("), text.out());
        assertTrue(text.out().contains("oracle   toned ") && text.out().contains("upper bound"), text.out());
        assertTrue(text.out().contains("marginal toned ") && text.out().contains("reachable"), text.out());
    }

    @Test
    void refusesAbsurdSettingsNamingTheFlag() {
        Cli.Run run = Cli.naoyu("ideal-observer", "--bin-ms", "500");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("naoyu ideal-observer: --bin-ms must be in [2, 100], got 500"), run.err());
        run = Cli.naoyu("ideal-observer", "--trials", "0");
        assertTrue(run.err().contains("trials must be in [1, 100000], got 0"), run.err());
    }
}
