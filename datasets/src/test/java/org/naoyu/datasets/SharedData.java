package org.naoyu.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files other projects wrote, in ../shared/data beside the repository (CI lays it there too). */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(relative);
                if (!Files.isRegularFile(file)) {
                    throw new AssertionError(file + " is missing from the shared data");
                }
                return file;
            }
        }
        throw new AssertionError("no shared/data folder above " + Path.of("").toAbsolutePath()
                + "; the tests read reference files from ../shared/data beside the repository");
    }
}
