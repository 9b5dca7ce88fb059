package org.naoyu.speller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.OperatorStatus;
import org.naoyu.speller.session.ParticipantState;
import org.naoyu.speller.session.event.SessionEvent;

/**
 * The WebSocket's own messages pinned as JSON, and the pages' scripts checked against what is sent: every field
 * {@code participant.js} and {@code operator.js} read exists in the JSON the server writes.
 */
class PageMessageJsonTest {
    private static final PageMessage.ParticipantView VIEW = PageMessage.ParticipantView.of(new ParticipantState("cued-sentences", "我想喝水",
            List.of("我想", "我象"), "谢谢你"), List.of("谢谢你"), false, "espeak-ng is not installed");

    @Test
    void messages() {
        assertEquals("{\"event\":\"hello\",\"participant\":{\"phase\":\"cued-sentences\",\"cue\":\"我想喝水\","
                + "\"candidates\":[\"我想\",\"我象\"],\"last\":\"谢谢你\",\"history\":[\"谢谢你\"],\"speech\":false,"
                + "\"speechReason\":\"espeak-ng is not installed\"}}", Events.json(new PageMessage.Hello(VIEW)));
        assertEquals("{\"event\":\"auth\",\"ok\":true}", Events.json(new PageMessage.Auth(true, null)));
        assertEquals("{\"event\":\"auth\",\"ok\":false,\"message\":\"wrong token\"}",
                Events.json(new PageMessage.Auth(false, "wrong token")));
        assertEquals("{\"event\":\"error\",\"message\":\"not understood: x\"}",
                Events.json(new PageMessage.NotUnderstood("not understood: x")));
        assertTrue(Events.json(new PageMessage.Status(status())).startsWith("{\"event\":\"status\",\"status\":{"
                + "\"stream\":{\"name\":\"ecog\","));
    }

    @Test
    void theScriptsReadOnlyFieldsThatAreSent() throws IOException {
        Set<String> events = new HashSet<>();
        for (Object message : List.of(new SessionEvent.Attempt(1, "cued", "a1", List.of(), List.of(), "none"),
                SessionEvent.Sentence.scored("a", "a1", "a", 0), new SessionEvent.Cue("cue", "a1"),
                new SessionEvent.Phase("watching"), new SessionEvent.Revised(List.of()), new SessionEvent.Log("l"),
                new PageMessage.Hello(VIEW), new PageMessage.Status(status()), new PageMessage.Auth(false, "no"),
                new PageMessage.NotUnderstood("no"))) {
            events.addAll(Events.parse(Events.json(message)).keySet());
        }
        Map<String, Object> status = Events.parse(Events.json(status()));
        Set<String> participant = Events.parse(Events.json(VIEW)).keySet();

        String page = script("participant.js");
        assertSubset(read(handler(page), "event"), events, "participant.js event.");
        assertSubset(read(page, "p"), participant, "participant.js hello's participant");
        assertSubset(read(page, "syllables\\[0\\]"), Set.of("syllable", "p"), "participant.js syllables");

        String operator = script("operator.js");
        assertSubset(read(handler(operator), "event"), events, "operator.js event.");
        assertSubset(read(operator, "event\\.participant"), participant, "operator.js hello's participant");
        String showStatus = section(operator, "function showStatus", "connectSession(");
        assertSubset(read(showStatus, "s"), status.keySet(), "operator.js status");
        assertSubset(read(showStatus, "st"), ((Map<?, ?>) status.get("stream")).keySet(), "operator.js stream");
        assertSubset(read(showStatus, "q"), ((Map<?, ?>) ((List<?>) status.get("quality")).get(0)).keySet(),
                "operator.js quality");
        assertSubset(read(section(operator, "function drawLatency", "function addLog"), "r"), ((Map<?, ?>) ((List<?>) status.get("latency")).get(0)).keySet(),
                "operator.js latency");
        assertSubset(read(operator, "grid"), ((Map<?, ?>) status.get("grid")).keySet(), "operator.js grid");
    }

    private static OperatorStatus status() {
        Map<String, List<Double>> traces = new LinkedHashMap<>();
        traces.put("G1", List.of(1.0));
        return new OperatorStatus(new OperatorStatus.Stream("ecog", 1, 1000, 1000, 1, 0, 0, true, 0.1, "task"),
                List.of("G1"), OperatorStatus.Grid.squareish(1),
                List.of(new OperatorStatus.Quality(1, false, List.of())), List.of(0.5), List.of(), traces,
                "watching", false, "none", "s.xdf", null,
                List.of(new LatencyStats.Summary("dsp", 1, 1, 1, 1, 1, List.of(new double[] {1, 1}))), 0.5,
                List.of());
    }

    private static String script(String name) throws IOException {
        try (InputStream in = PageMessageJsonTest.class.getResourceAsStream("/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page's handler of the WebSocket's messages (elsewhere, {@code event} may be a mouse event). */
    private static String handler(String script) {
        return script.substring(script.lastIndexOf("connectSession("));
    }

    private static String section(String script, String from, String to) {
        int start = script.indexOf(from);
        assertTrue(start >= 0, "no '" + from + "' in the script");
        return script.substring(start, script.indexOf(to, start));
    }

    /** The fields read as {@code object.field} in a script (method calls left out). */
    private static Set<String> read(String script, String object) {
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])" + object + "\\.([A-Za-z_]\\w*)(?!\\w*\\s*\\()").matcher(script);
        while (m.find()) {
            fields.add(m.group(1));
        }
        fields.removeAll(Arrays.asList("length", "classList", "textContent", "dataset"));
        return fields;
    }

    private static void assertSubset(Set<String> read, Set<?> sent, String where) {
        assertTrue(!read.isEmpty(), where + ": the script reads nothing? (the pattern is out of date)");
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(sent.stream().map(String::valueOf).toList());
        assertTrue(missing.isEmpty(), where + " reads " + missing + ", which the server never sends (it sends "
                + sent + ")");
    }
}
