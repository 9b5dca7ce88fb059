package org.naoyu.datasets.xdf;

import org.naoyu.datasets.FileFormatException;

/** A file that is not XDF, or is damaged: the message names the file, the byte offset and what was expected. */
public final class XdfFormatException extends FileFormatException {
    private static final long serialVersionUID = 1L;
    private final boolean chunkSkipped;

    public XdfFormatException(String file, long offset, String problem) {
        this(file, offset, problem, false);
    }

    /**
     * @param chunkSkipped whether the reader already stands at the next chunk (the damaged chunk's framing was
     *                     intact), so reading can go on without scanning for a boundary
     */
    public XdfFormatException(String file, long offset, String problem, boolean chunkSkipped) {
        super(file, offset, problem);
        this.chunkSkipped = chunkSkipped;
    }

    /** Whether the next chunk can be read at once; otherwise resume at the next boundary. */
    public boolean chunkSkipped() {
        return chunkSkipped;
    }
}
