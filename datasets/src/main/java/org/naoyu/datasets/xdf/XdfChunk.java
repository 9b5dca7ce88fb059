package org.naoyu.datasets.xdf;

import org.naoyu.acquisition.Chunk;

/**
 * One chunk of an XDF file (XDF 1.0 specification, github.com/sccn/xdf/wiki/Specifications): tag 1 FileHeader, 2
 * StreamHeader, 3 Samples, 4 ClockOffset, 5 Boundary, 6 StreamFooter. {@code offset} is where the chunk starts.
 */
public sealed interface XdfChunk {
    long offset();

    record FileHeader(long offset, String xml) implements XdfChunk {
    }

    record StreamHeader(long offset, int streamId, String xml) implements XdfChunk {
    }

    /** Decoded samples, timestamps already rebuilt where the file omitted them (previous + 1/nominal rate). */
    record Samples(long offset, int streamId, Chunk samples) implements XdfChunk {
    }

    /** At {@code collectionTime} (recorder clock) the stream's clock was {@code offsetValue} s behind, as LSL measured. */
    record ClockOffset(long offset, int streamId, double collectionTime, double offsetValue) implements XdfChunk {
    }

    record Boundary(long offset) implements XdfChunk {
    }

    record StreamFooter(long offset, int streamId, String xml) implements XdfChunk {
    }

    /** A chunk with a tag the specification does not define; skipped, as readers must. */
    record Unknown(long offset, int tag) implements XdfChunk {
    }
}
