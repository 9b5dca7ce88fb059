package org.naoyu.datasets;

import java.io.IOException;

/**
 * A file that is not in the format its reader expects, or is damaged: the message names the file, the byte offset and
 * what was expected there, e.g. {@code s.edf, byte 236: the number of data records must be an integer, got 'x'}.
 */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public FileFormatException(String file, long offset, String problem) {
        super(file + ", byte " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Where in the file the problem was found. */
    public long offset() {
        return offset;
    }
}
