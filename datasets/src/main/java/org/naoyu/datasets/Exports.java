package org.naoyu.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.edf.EdfWriter;
import org.naoyu.datasets.xdf.XdfWriter;

/** Writes any {@link Recording} as XDF or EDF+/BDF+ ({@code naoyu convert}). Files are never overwritten. */
public final class Exports {
    private static final int XDF_CHUNK_SAMPLES = 1024;

    private Exports() {
    }

    /** The output format, from the file name: {@code .xdf}, {@code .edf} or {@code .bdf}. */
    public static void write(Recording recording, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xdf")) {
            toXdf(recording, out);
        } else if (name.endsWith(".edf") || name.endsWith(".bdf")) {
            EdfWriter.write(out, recording.streams(), recording.events(), start(recording), name.endsWith(".bdf"));
        } else {
            throw new IllegalArgumentException("the output file must end in .xdf, .edf or .bdf, got '"
                    + out.getFileName() + "'");
        }
    }

    /**
     * Every stream as an XDF stream; events that are not already samples of a marker stream (EDF+ annotations,
     * BCI2000 states) become a string stream named after their source.
     */
    public static void toXdf(Recording recording, Path out) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("source_format", recording.format());
        header.put("source_file", recording.path().getFileName().toString());
        try (XdfWriter writer = XdfWriter.create(out, header)) {
            for (RecordedStream stream : recording.streams()) {
                int id = writer.addStream(stream.info());
                Chunk all = stream.samples();
                for (int from = 0; from < all.sampleCount(); from += XDF_CHUNK_SAMPLES) {
                    writer.writeSamples(id, all.copyOfRange(from, Math.min(all.sampleCount(), from + XDF_CHUNK_SAMPLES)));
                }
            }
            Map<String, List<RecordedEvent>> bySource = new LinkedHashMap<>();
            for (RecordedEvent event : recording.events()) {
                boolean isStream = recording.streams().stream().anyMatch(s -> s.info().name().equals(event.source()));
                if (!isStream) {
                    bySource.computeIfAbsent(event.source(), k -> new java.util.ArrayList<>()).add(event);
                }
            }
            for (Map.Entry<String, List<RecordedEvent>> source : bySource.entrySet()) {
                List<RecordedEvent> events = source.getValue();
                int id = writer.addStream(StreamInfo.builder(source.getKey(), 1, 0, ChannelFormat.STRING)
                        .type("Markers").sourceId(recording.path().getFileName() + "-" + source.getKey()).build());
                double[] t = new double[events.size()];
                String[] labels = new String[events.size()];
                for (int i = 0; i < events.size(); i++) {
                    t[i] = events.get(i).timeSeconds();
                    labels[i] = events.get(i).label();
                }
                writer.writeSamples(id, Chunk.ofStrings(1, t, labels));
            }
        }
    }

    private static LocalDateTime start(Recording recording) {
        String start = recording.metadata().get("start");
        try {
            return start == null ? null : LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
