package org.naoyu.speller.session;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the operator view draws ({@code GET /api/status} and the WebSocket's {@code status} message), written by
 * Jackson in this order; {@code operator.js} reads these names. Numbers that are not finite are written as null.
 *
 * @param labels            channel labels, in the stream's order
 * @param quality           channel quality from the last assessment, in channel order (empty until the first)
 * @param highGamma         live high-gamma z per channel, 2 decimals, null where not finite (empty until decoding)
 * @param traces            the last 4 s of a few channels, by label, binned to about 100 Hz, µV with 2 decimals
 * @param recording         the session recording's file name, or null when not recording
 * @param calibrating       the calibration recording's file name, or null when not calibrating
 * @param speechProbability the onset detector's speech probability (NaN, written null, without one)
 */
@JsonPropertyOrder({"stream", "labels", "grid", "quality", "highGamma", "badChannels", "traces", "phase", "settling",
        "model", "recording", "calibrating", "latency", "speechProbability", "log"})
public record OperatorStatus(Stream stream, List<String> labels, Grid grid, List<Quality> quality,
        List<Double> highGamma, List<Integer> badChannels, Map<String, List<Double>> traces, String phase,
        boolean settling, String model, String recording, String calibrating, List<LatencyStats.Summary> latency,
        double speechProbability, List<String> log) {
    public OperatorStatus {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(model, "model");
        labels = List.copyOf(labels);
        quality = List.copyOf(quality);
        highGamma = Collections.unmodifiableList(new ArrayList<>(highGamma)); // null marks a non-finite value
        badChannels = List.copyOf(badChannels);
        Map<String, List<Double>> ordered = new LinkedHashMap<>();
        traces.forEach((label, values) -> ordered.put(label, Collections.unmodifiableList(new ArrayList<>(values))));
        traces = Collections.unmodifiableMap(ordered); // in channel order, as drawn
        latency = List.copyOf(latency);
        log = List.copyOf(log);
    }

    /**
     * The signal stream as received.
     *
     * @param effectiveRateHz  samples per second over the last 5 s (NaN, written null, until two blocks arrived)
     * @param timeCorrectionMs LSL's time correction for the stream, or null while not measured yet
     * @param taskStream       the task stream's name ({@code (lost)} appended once lost), or null without one
     */
    @JsonPropertyOrder({"name", "channels", "nominalRateHz", "effectiveRateHz", "samples", "gaps", "droppedSamples",
            "connected", "timeCorrectionMs", "taskStream"})
    public record Stream(String name, int channels, double nominalRateHz, double effectiveRateHz, long samples,
            int gaps, long droppedSamples, boolean connected, Double timeCorrectionMs, String taskStream) {
    }

    /** The layout the channel maps are drawn in. */
    @JsonPropertyOrder({"rows", "columns"})
    public record Grid(int rows, int columns) {
        /** The nearest square-ish layout: 16×16 for 256 channels, 8×8 for 64. */
        public static Grid squareish(int channels) {
            int columns = (int) Math.ceil(Math.sqrt(channels));
            int rows = (int) Math.ceil(channels / (double) columns);
            return new Grid(rows, columns);
        }
    }

    /**
     * One channel's quality.
     *
     * @param rms      root mean square in µV, 3 decimals
     * @param problems why it looks bad (flat, clipping, …), empty when it looks good
     */
    @JsonPropertyOrder({"rms", "bad", "problems"})
    public record Quality(double rms, boolean bad, List<String> problems) {
        public Quality {
            problems = List.copyOf(problems);
        }
    }
}
