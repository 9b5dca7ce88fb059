package org.naoyu.datasets.xdf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An XDF file as read: its header, its streams in the order their headers appear, and the problems met on the way
 * (damaged chunks skipped, a file cut short) — a damaged file still gives what could be read.
 */
public record XdfRecording(Path path, String fileHeaderXml, List<XdfStream> streams, List<String> problems) {
    public XdfRecording {
        streams = List.copyOf(streams);
        problems = List.copyOf(problems);
    }

    /** The stream with this name, if any. */
    public Optional<XdfStream> stream(String name) {
        return streams.stream().filter(s -> s.info().name().equals(name)).findFirst();
    }

    /** The stream with this id, if any. */
    public Optional<XdfStream> streamById(int streamId) {
        return streams.stream().filter(s -> s.streamId() == streamId).findFirst();
    }
}
