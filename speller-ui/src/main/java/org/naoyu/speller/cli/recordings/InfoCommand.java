package org.naoyu.speller.cli.recordings;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.RecordedEvent;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu info FILE}: what a recording holds, at a glance. */
@Command(name = "info",
        description = "Describe a recording (XDF, EDF/EDF+, BDF/BDF+, GDF, BCI2000 .dat): streams, channels, rates, sample counts, "
                + "duration, markers and annotations, clock offsets, and any damage found.")
public final class InfoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "FILE", description = "The recording.")
    Path file;

    @Mixin
    JsonOption json;

    @Option(names = "--show-identifiers",
            description = "Also print identification fields that may name a person (EDF patient field).")
    boolean showIdentifiers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Recording recording = RecordingFiles.open(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            json.print(out, describe(recording));
        } else {
            out.println(toText(recording));
        }
        out.flush();
        return 0;
    }

    private Map<String, String> visibleMetadata(Recording recording) {
        // sorted: a recording's metadata map has no order of its own (Map.copyOf iterates differently each run)
        Map<String, String> metadata = new TreeMap<>(recording.metadata());
        metadata.keySet().removeIf(key -> key.startsWith("clockOffsets.") || key.startsWith("effectiveRateHz.")
                || key.equals("fileHeader") || metadata.get(key).isBlank());
        if (!showIdentifiers && metadata.containsKey("patient")) {
            // health data: the EDF patient field often holds a name and birth date
            metadata.put("patient", "(" + metadata.get("patient").length() + " characters; --show-identifiers "
                    + "prints them)");
        }
        return metadata;
    }

    String toText(Recording recording) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "file      %s (%s, %.1f MB)%n", recording.path(), recording.format(),
                Files.size(recording.path()) / 1e6));
        visibleMetadata(recording).forEach((key, value) -> text.append(String.format("%-9s %s%n", key + (key.length()
                >= 9 ? ":" : ""), value)));
        text.append("streams   ").append(recording.streams().size()).append(System.lineSeparator());
        Table table = new Table("NAME", "TYPE", "CHANNELS", "RATE (Hz)", "MEASURED", "FORMAT", "SAMPLES",
                "DURATION (s)", "FIRST t", "LAST t", "CLOCK OFFSETS");
        for (RecordedStream stream : recording.streams()) {
            StreamInfo info = stream.info();
            double[] t = stream.samples().timestamps();
            table.row(info.name(), info.type(), Integer.toString(info.channelCount()),
                    info.isIrregular() ? "irregular" : Numbers.plain(info.nominalRateHz()),
                    measuredRate(recording, stream), info.format().wireName(), Integer.toString(stream.sampleCount()),
                    String.format(Locale.ROOT, "%.3f", stream.durationSeconds()),
                    t.length == 0 ? "-" : String.format(Locale.ROOT, "%.4f", t[0]),
                    t.length == 0 ? "-" : String.format(Locale.ROOT, "%.4f", t[t.length - 1]),
                    recording.metadata().getOrDefault("clockOffsets." + info.name(), "-"));
        }
        java.io.StringWriter buffer = new java.io.StringWriter();
        table.print(new PrintWriter(buffer, true), "  ");
        text.append(buffer);
        List<RecordedEvent> events = recording.events();
        text.append("events    ").append(events.size());
        if (!events.isEmpty()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (RecordedEvent event : events) {
                counts.merge(event.label(), 1, Integer::sum);
            }
            text.append(String.format(Locale.ROOT, " from %.3f to %.3f s, %d distinct labels", events.get(0).timeSeconds(),
                    events.get(events.size() - 1).timeSeconds(), counts.size()));
            text.append(System.lineSeparator());
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(e ->
                    text.append(String.format("  %5d x %s%n", e.getValue(), abbreviate(e.getKey()))));
        } else {
            text.append(System.lineSeparator());
        }
        text.append("problems  ").append(recording.problems().isEmpty() ? "none" : recording.problems().size());
        for (String problem : recording.problems()) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }

    private static String measuredRate(Recording recording, RecordedStream stream) {
        String measured = recording.metadata().get("effectiveRateHz." + stream.info().name());
        if (measured != null) {
            return String.format(Locale.ROOT, "%.3f", Double.parseDouble(measured));
        }
        return stream.sampleCount() > 1 && stream.durationSeconds() > 0
                ? String.format(Locale.ROOT, "%.3f", (stream.sampleCount() - 1) / stream.durationSeconds()) : "-";
    }

    /** What {@code --json} prints: the recording, its streams and what was found wrong, in this field order. */
    record Description(String file, String format, Map<String, String> metadata, List<StreamSummary> streams,
            int events, List<String> problems) {
    }

    /** One stream of {@link Description}; timestamps are null for a stream without samples. */
    record StreamSummary(String name, String type, int channels, List<String> channelLabels, double nominalRateHz,
            String format, long samples, double durationSeconds, Double firstTimestamp, Double lastTimestamp,
            long clockOffsets) {
    }

    Description describe(Recording recording) {
        List<StreamSummary> streams = new ArrayList<>();
        for (RecordedStream stream : recording.streams()) {
            StreamInfo info = stream.info();
            double[] t = stream.samples().timestamps();
            streams.add(new StreamSummary(info.name(), info.type(), info.channelCount(), info.channelLabels(),
                    info.nominalRateHz(), info.format().wireName(), stream.sampleCount(), stream.durationSeconds(),
                    t.length == 0 ? null : t[0], t.length == 0 ? null : t[t.length - 1],
                    Long.parseLong(recording.metadata().getOrDefault("clockOffsets." + info.name(), "0"))));
        }
        return new Description(recording.path().toString(), recording.format(), visibleMetadata(recording), streams,
                recording.events().size(), recording.problems());
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
