package org.naoyu.speller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.Recordings;

/** Opens the recording a command names, with a one-line error when the path is not a file. */
final class RecordingFiles {
    private RecordingFiles() {
    }

    static Recording open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(1, "no such file: " + file);
        }
        return Recordings.open(file);
    }
}
