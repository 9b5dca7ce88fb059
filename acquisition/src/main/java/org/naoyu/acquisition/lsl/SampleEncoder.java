package org.naoyu.acquisition.lsl;

import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.SampleBytes;

/**
 * Encodes samples as protocol 110 puts them on the wire (lsl-wire-protocol.md §7), little endian, the order a Java
 * outlet announces ({@code Byte-Order: 1234}). A chunk is encoded once and the same bytes go to every inlet.
 */
final class SampleEncoder {
    private SampleEncoder() {
    }

    /** {@code LSL_DEDUCED_TIMESTAMP}: a sample pushed with it carries no timestamp (tag 1). */
    static final double DEDUCED_TIMESTAMP = -1.0;

    /**
     * The bytes of every sample of a chunk, with liblsl's push semantics (§8.2): a timestamp of 0.0 means "now", a
     * timestamp of -1.0 means "deduce it" (tag 1, no timestamp bytes), anything else is sent as given.
     *
     * @param deducedAfterFirst when true, samples after the first are sent deduced too, so the receiver rebuilds them
     *                          as previous + 1/rate (liblsl's push_chunk with one timestamp)
     * @param now               the outlet's clock, for samples stamped 0.0
     */
    static byte[] encode(Chunk chunk, boolean deducedAfterFirst, double now) {
        int samples = chunk.sampleCount();
        double[] timestamps = chunk.timestamps();
        int transmitted = 0;
        for (int s = 0; s < samples; s++) {
            transmitted += isDeduced(timestamps[s], s, deducedAfterFirst) ? 0 : 1;
        }
        byte[][] strings = SampleBytes.utf8(chunk);
        long size = samples + 8L * transmitted + SampleBytes.valueBytes(chunk, strings);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("chunk must encode to less than 2 GiB, got " + size
                    + " bytes; push it in smaller pieces");
        }
        byte[] out = new byte[(int) size];
        int p = 0;
        for (int s = 0; s < samples; s++) {
            if (isDeduced(timestamps[s], s, deducedAfterFirst)) {
                out[p++] = SampleDecoder.TAG_DEDUCED;
            } else {
                out[p++] = SampleDecoder.TAG_TRANSMITTED;
                SampleBytes.putDouble(out, p, timestamps[s] == 0.0 ? now : timestamps[s]);
                p += 8;
            }
            p = SampleBytes.putValues(chunk, s, strings, out, p);
        }
        return out;
    }

    /** The bytes of every sample, each with its own timestamp as given (test patterns, tests). */
    static byte[] encode(Chunk chunk, boolean deducedAfterFirst) {
        return encode(chunk, deducedAfterFirst, 0.0);
    }

    private static boolean isDeduced(double timestamp, int sample, boolean deducedAfterFirst) {
        return timestamp == DEDUCED_TIMESTAMP || deducedAfterFirst && sample > 0;
    }





}
