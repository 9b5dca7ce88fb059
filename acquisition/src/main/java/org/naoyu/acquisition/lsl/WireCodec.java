package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.io.InputStream;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/**
 * The protocol-110 sample codec of the inlet and the outlet (lsl-wire-protocol.md §7, §8.2), without sockets: the
 * entry point for benchmarks and interoperability checks outside this package. Streaming goes through
 * {@link StreamOutlet} and {@link StreamInlet}, which use the same code.
 *
 * <pre>{@code
 * byte[] wire = WireCodec.encode(chunk, false);
 * WireCodec.Decoder decoder = WireCodec.decoder(new ByteArrayInputStream(wire), format, channels, 2000);
 * decoder.read(timestamps, 0, values, 0);   // one sample into preallocated arrays
 * }</pre>
 */
public final class WireCodec {
    private WireCodec() {
    }

    /**
     * The bytes of every sample of a chunk, little endian as a naoyu outlet sends them: each sample with its timestamp
     * as given, except that -1.0 ({@code LSL_DEDUCED_TIMESTAMP}) is sent without one.
     *
     * @param deducedAfterFirst when true, samples after the first are sent without timestamps, to be rebuilt as
     *                          previous + 1/rate (liblsl's push_chunk with one timestamp)
     */
    public static byte[] encode(Chunk chunk, boolean deducedAfterFirst) {
        return SampleEncoder.encode(chunk, deducedAfterFirst);
    }

    /**
     * A decoder of little-endian samples (as {@link #encode} writes them) from {@code in}, as an inlet's feed
     * connection decodes them after the test patterns: subnormals kept, the first deduced timestamp rebuilt from 0.0.
     *
     * @param nominalRateHz the stream's rate, for deduced timestamps; 0 for an irregular stream
     */
    public static Decoder decoder(InputStream in, ChannelFormat format, int channelCount, double nominalRateHz) {
        // the buffer an inlet's connection reads through, so that the decoder reads the wire the same way
        WireReader reader = new WireReader(in, 1 << 16);
        return new Decoder(new SampleDecoder(reader, format, channelCount, nominalRateHz));
    }

    /** Reads one sample at a time into caller-owned arrays; allocates nothing for numeric formats. */
    public static final class Decoder {
        private final SampleDecoder decoder;

        private Decoder(SampleDecoder decoder) {
            this.decoder = decoder;
        }

        /**
         * Reads one sample: its timestamp into {@code timestamps[timestampIndex]} and its values into
         * {@code values[valueOffset …]}, where {@code values} is the primitive array of the format
         * ({@code float[]} for float32 …).
         *
         * @return true when the sample carried its timestamp, false when it was deduced
         * @throws IOException at the end of the input or on bytes that are not a sample, naming the byte offset
         */
        public boolean read(double[] timestamps, int timestampIndex, Object values, int valueOffset)
                throws IOException {
            return decoder.read(timestamps, timestampIndex, values, valueOffset) == SampleDecoder.TAG_TRANSMITTED;
        }
    }
}
