package org.naoyu.datasets.xdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;

/**
 * Reads an XDF file chunk by chunk with bounded memory: at most one chunk's bytes are held at a time, so a file of
 * any size can be walked. Samples chunks are decoded with the format of their stream's header; omitted timestamps are
 * rebuilt as the previous timestamp of that stream plus 1/nominal rate (0 for irregular streams), as pyxdf does.
 *
 * <p>Damage is reported as {@link XdfFormatException} naming the file and byte offset; after one,
 * {@link #skipToBoundary()} resumes at the next Boundary chunk, as the XDF specification intends.
 */
public final class XdfChunkReader implements AutoCloseable {
    /** The 16 bytes of every Boundary chunk's content (XDF specification). */
    static final byte[] BOUNDARY = {
        0x43, (byte) 0xA5, 0x46, (byte) 0xDC, (byte) 0xCB, (byte) 0xF5, 0x41, 0x0F,
        (byte) 0xB3, 0x0E, (byte) 0xD5, 0x46, 0x73, (byte) 0x83, (byte) 0xCB, (byte) 0xE4};
    static final byte[] MAGIC = {'X', 'D', 'F', ':'};
    /** Largest chunk read into memory; LabRecorder writes chunks of well under a megabyte. */
    static final long MAX_CHUNK_BYTES = 512L * 1024 * 1024;
    static final int MAX_XML_BYTES = 16 * 1024 * 1024;

    /** What is needed to decode a stream's samples, from its header. */
    record StreamFormat(StreamInfo info, double interval) {
    }

    private final FileChannel channel;
    private final String name;
    private final long size;
    private final Map<Integer, StreamFormat> formats = new HashMap<>();
    private final Map<Integer, Double> lastTimestamps = new HashMap<>();
    private long position;

    /**
     * Opens a file and checks its magic bytes.
     *
     * @throws XdfFormatException when it does not start with {@code XDF:}
     */
    public XdfChunkReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.name = file.toString();
        this.size = channel.size();
        try {
            byte[] magic = readBytes(4, "the magic bytes XDF:");
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new XdfFormatException(name, 0, "expected the magic bytes 'XDF:' of an XDF file, got '"
                        + printable(magic) + "'");
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Where the next chunk starts. */
    public long position() {
        return position;
    }

    public long size() {
        return size;
    }

    /** The decoding format of a stream whose header was read, or null. */
    StreamFormat format(int streamId) {
        return formats.get(streamId);
    }

    /**
     * The next chunk, or null at the end of the file.
     *
     * @throws XdfFormatException when the chunk is damaged or the file ends inside it
     */
    public XdfChunk next() throws IOException {
        if (position >= size) {
            return null;
        }
        long start = position;
        int lengthBytes = readBytes(1, "a chunk's length-byte count")[0] & 0xff;
        if (lengthBytes != 1 && lengthBytes != 4 && lengthBytes != 8) {
            throw new XdfFormatException(name, start, "a chunk's length-byte count must be 1, 4 or 8, got "
                    + lengthBytes);
        }
        long length = readUnsigned(lengthBytes, "a chunk length");
        if (length < 2 || length > MAX_CHUNK_BYTES) {
            throw new XdfFormatException(name, start, "a chunk length must be in [2, " + MAX_CHUNK_BYTES
                    + "] bytes, got " + Long.toUnsignedString(length));
        }
        if (position + length > size) {
            throw new XdfFormatException(name, start, "the file ends inside a chunk: " + length + " bytes declared, "
                    + (size - position) + " left (a recording cut short?)");
        }
        ByteBuffer content = ByteBuffer.wrap(readBytes((int) length, "chunk content")).order(ByteOrder.LITTLE_ENDIAN);
        int tag = content.getShort() & 0xffff;
        try {
            return decode(start, tag, content);
        } catch (XdfFormatException e) {
            // the chunk's framing held, so the next chunk starts where its length says
            throw new XdfFormatException(name, start, e.getMessage().substring(e.getMessage().indexOf(": ") + 2), true);
        } catch (RuntimeException e) { // BufferUnderflowException and friends: the content lies about its size
            throw new XdfFormatException(name, start, "chunk with tag " + tag + " is damaged: " + e, true);
        }
    }

    private XdfChunk decode(long start, int tag, ByteBuffer content) throws XdfFormatException {
        switch (tag) {
            case 1:
                return new XdfChunk.FileHeader(start, text(content, start));
            case 5:
                return new XdfChunk.Boundary(start);
            case 2, 3, 4, 6: {
                if (content.remaining() < 4) {
                    throw new XdfFormatException(name, start, "chunk with tag " + tag + " must hold a 4-byte stream id, "
                            + "got " + content.remaining() + " bytes");
                }
                int streamId = content.getInt();
                return switch (tag) {
                    case 2 -> header(start, streamId, text(content, start));
                    case 3 -> new XdfChunk.Samples(start, streamId, samples(start, streamId, content));
                    case 4 -> clockOffset(start, streamId, content.getDouble(), content.getDouble());
                    default -> new XdfChunk.StreamFooter(start, streamId, text(content, start));
                };
            }
            default:
                return new XdfChunk.Unknown(start, tag);
        }
    }

    private XdfChunk clockOffset(long start, int streamId, double time, double value) throws XdfFormatException {
        if (!Double.isFinite(time) || !Double.isFinite(value)) {
            throw new XdfFormatException(name, start, "a ClockOffset of stream " + Integer.toUnsignedString(streamId)
                    + " must hold finite numbers, got time " + time + " and offset " + value);
        }
        return new XdfChunk.ClockOffset(start, streamId, time, value);
    }

    private XdfChunk header(long start, int streamId, String xml) throws XdfFormatException {
        try {
            StreamInfo info = StreamInfoXml.parseDetailed(xml, "xdf-stream-" + Integer.toUnsignedString(streamId))
                    .info();
            formats.put(streamId, new StreamFormat(info, info.isIrregular() ? 0 : 1 / info.nominalRateHz()));
            return new XdfChunk.StreamHeader(start, streamId, xml);
        } catch (IllegalArgumentException e) {
            throw new XdfFormatException(name, start, "the header of stream " + Integer.toUnsignedString(streamId)
                    + " is not usable: " + e.getMessage());
        }
    }

    private Chunk samples(long start, int streamId, ByteBuffer content) throws XdfFormatException {
        StreamFormat format = formats.get(streamId);
        if (format == null) {
            throw new XdfFormatException(name, start, "samples of stream " + Integer.toUnsignedString(streamId)
                    + " come before (or without) its stream header");
        }
        StreamInfo info = format.info();
        long count = varLength(content, start, "sample count");
        int channels = info.channelCount();
        int minSampleBytes = 1 + (info.format().isNumeric() ? channels * info.format().bytesPerValue() : 2 * channels);
        if (count > content.remaining() / minSampleBytes) {
            throw new XdfFormatException(name, start, "a Samples chunk of stream " + Integer.toUnsignedString(streamId)
                    + " claims " + count + " samples but holds " + content.remaining() + " bytes");
        }
        Chunk chunk = Chunk.allocate(info.format(), channels, (int) count);
        double[] timestamps = chunk.timestamps();
        double last = lastTimestamps.getOrDefault(streamId, 0.0);
        for (int s = 0; s < count; s++) {
            int timestampBytes = content.get() & 0xff;
            if (timestampBytes == 8) {
                last = content.getDouble();
                if (!Double.isFinite(last)) {
                    throw new XdfFormatException(name, start, "sample " + s + " of stream "
                            + Integer.toUnsignedString(streamId) + " has the timestamp " + last);
                }
            } else if (timestampBytes == 0) {
                last += format.interval();
            } else {
                throw new XdfFormatException(name, start, "a sample's timestamp byte count must be 0 or 8, got "
                        + timestampBytes + " (sample " + s + " of stream " + Integer.toUnsignedString(streamId) + ")");
            }
            timestamps[s] = last;
            readValues(content, chunk, s * channels, channels, start);
        }
        lastTimestamps.put(streamId, last);
        return chunk;
    }

    private void readValues(ByteBuffer in, Chunk chunk, int offset, int channels, long start)
            throws XdfFormatException {
        switch (chunk.format()) {
            case FLOAT32 -> in.asFloatBuffer().get(chunk.float32Values(), offset, channels);
            case DOUBLE64 -> in.asDoubleBuffer().get(chunk.double64Values(), offset, channels);
            case INT8 -> in.get(chunk.int8Values(), offset, channels);
            case INT16 -> in.asShortBuffer().get(chunk.int16Values(), offset, channels);
            case INT32 -> in.asIntBuffer().get(chunk.int32Values(), offset, channels);
            case INT64 -> in.asLongBuffer().get(chunk.int64Values(), offset, channels);
            case STRING -> {
                String[] strings = chunk.stringValues();
                for (int c = 0; c < channels; c++) {
                    long length = varLength(in, start, "string length");
                    if (length > in.remaining()) {
                        throw new XdfFormatException(name, start, "a string of " + length + " bytes does not fit the "
                                + in.remaining() + " bytes left in its chunk");
                    }
                    byte[] bytes = new byte[(int) length];
                    in.get(bytes);
                    strings[offset + c] = new String(bytes, StandardCharsets.UTF_8);
                }
                return;
            }
        }
        if (chunk.format() != ChannelFormat.INT8) {
            in.position(in.position() + channels * chunk.format().bytesPerValue()); // the views do not move `in`
        }
    }

    /** XDF's variable-length integer: a byte 1, 4 or 8, then that many bytes, little endian. */
    private long varLength(ByteBuffer in, long start, String what) throws XdfFormatException {
        int bytes = in.get() & 0xff;
        long value = switch (bytes) {
            case 1 -> in.get() & 0xffL;
            case 4 -> in.getInt() & 0xffffffffL;
            case 8 -> in.getLong();
            default -> throw new XdfFormatException(name, start, "the byte count of a " + what
                    + " must be 1, 4 or 8, got " + bytes);
        };
        if (value < 0) {
            throw new XdfFormatException(name, start, "a " + what + " of " + Long.toUnsignedString(value)
                    + " is beyond any real file");
        }
        return value;
    }

    private String text(ByteBuffer content, long start) throws XdfFormatException {
        if (content.remaining() > MAX_XML_BYTES) {
            throw new XdfFormatException(name, start, "an XML chunk of " + content.remaining() + " bytes exceeds the "
                    + MAX_XML_BYTES + "-byte limit");
        }
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Moves to just after the next Boundary chunk's signature, for reading on after damage.
     *
     * @return false when no boundary follows (the reader is then at the end)
     */
    public boolean skipToBoundary() throws IOException {
        ByteBuffer block = ByteBuffer.allocate(1 << 20);
        long scanFrom = position;
        while (scanFrom < size) {
            block.clear();
            int read = channel.read(block, scanFrom);
            if (read <= 0) {
                break;
            }
            int match = indexOf(block.array(), read, BOUNDARY);
            if (match >= 0) {
                position = scanFrom + match + BOUNDARY.length;
                return true;
            }
            if (scanFrom + read >= size) {
                break;
            }
            scanFrom += read - BOUNDARY.length + 1; // a signature may straddle two blocks
        }
        position = size;
        return false;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private byte[] readBytes(int count, String what) throws IOException {
        if (position + count > size) {
            throw new XdfFormatException(name, position, "the file ends where " + what + " should be ("
                    + (size - position) + " of " + count + " bytes left)");
        }
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new XdfFormatException(name, position, "the file ends where " + what + " should be");
            }
        }
        position += count;
        return buffer.array();
    }

    private long readUnsigned(int bytes, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(readBytes(bytes, what)).order(ByteOrder.LITTLE_ENDIAN);
        return switch (bytes) {
            case 1 -> buffer.get() & 0xffL;
            case 4 -> buffer.getInt() & 0xffffffffL;
            default -> buffer.getLong();
        };
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
