package org.naoyu.speller.signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.Recordings;
import org.naoyu.speller.support.CommandFailure;

/** Opens the recording a command names, with a one-line error when the path is not a file. */
public final class RecordingFiles {
    private RecordingFiles() {
    }

    public static Recording open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(1, "no such file: " + file);
        }
        return Recordings.open(file);
    }

    /**
     * The stream to analyse: the one named, or else the regularly sampled numeric stream with the most channels (the
     * signal, not the markers).
     */
    public static RecordedStream signal(Recording recording, String name) {
        if (name != null) {
            for (RecordedStream stream : recording.streams()) {
                if (stream.info().name().equals(name)) {
                    return stream;
                }
            }
            throw new CommandFailure(1, "--stream: the recording has no stream named '" + name + "'; it has "
                    + recording.streams().stream().map(s -> "'" + s.info().name() + "'").toList());
        }
        return recording.streams().stream()
                .filter(s -> !s.info().isIrregular() && s.info().format() != ChannelFormat.STRING && s.sampleCount() > 0)
                .max(Comparator.comparingInt(s -> s.info().channelCount()))
                .orElseThrow(() -> new CommandFailure(1, "the recording has no regularly sampled numeric stream to "
                        + "analyse"));
    }
}
