package org.naoyu.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A recording in any of the formats naoyu reads, as streams and events. Open one with {@link Recordings#open(Path)}.
 *
 * @param format   what the file is, e.g. {@code XDF}, {@code EDF+C}, {@code BDF}
 * @param metadata what the file says about itself (XDF file header fields, EDF patient/recording/start)
 * @param streams  the signal and marker streams
 * @param events   markers and annotations, in time order
 * @param problems damage met while reading, each naming the file and byte
 */
public record Recording(Path path, String format, Map<String, String> metadata, List<RecordedStream> streams,
        List<RecordedEvent> events, List<String> problems) {
    public Recording {
        metadata = Map.copyOf(metadata);
        streams = List.copyOf(streams);
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** The stream with this name. */
    public RecordedStream stream(String name) {
        return streams.stream().filter(s -> s.info().name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("stream must be one of " + streams.stream().map(s -> s.info().name())
                        .toList() + ", got '" + name + "'"));
    }
}
