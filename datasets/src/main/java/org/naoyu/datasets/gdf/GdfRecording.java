package org.naoyu.datasets.gdf;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A GDF 1.x or 2.x file as read.
 *
 * @param start    start date and time, or null when the file leaves it blank
 * @param signals  every signal in physical units
 * @param events   the event table
 * @param problems what was odd but readable, e.g. header ranges the data do not fit
 */
public record GdfRecording(Path path, String version, String patient, String recording, LocalDateTime start,
        double recordDurationSeconds, long recordCount, List<GdfSignal> signals, List<GdfEvent> events,
        List<String> problems) {
    public GdfRecording {
        signals = List.copyOf(signals);
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** One signal: header fields and its samples in physical units. */
    public record GdfSignal(String label, String physicalDimension, double physicalMin, double physicalMax,
            double digitalMin, double digitalMax, int samplesPerRecord, int gdfType, double sampleRateHz,
            double[] physical) {
    }

    /**
     * One event: its type code (e.g. 0x8100), position in samples as written (at {@code eventRateHz}), and for mode-3
     * tables its channel (0 = all) and duration in samples.
     */
    public record GdfEvent(int type, long position, int channel, long durationSamples, double eventRateHz) {
        public double timeSeconds() {
            return position / eventRateHz;
        }

        public String label() {
            return String.format("0x%04x", type);
        }
    }
}
