package org.naoyu.acquisition.lsl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reads of text lines and little- or big-endian binary values from a socket's stream, with a limit on every
 * length taken from the wire. Owns one buffer and allocates nothing per value; a {@link java.net.Socket} read timeout
 * surfaces as {@link java.net.SocketTimeoutException}.
 */
final class WireReader {

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long bytesRead;
    private boolean bigEndian;
    private IdleHandler idleHandler = () -> {
        throw new java.net.SocketTimeoutException("no data within the socket's read timeout");
    };

    /** Decides what a read timeout means: return to keep waiting, throw to give up. */
    interface IdleHandler {
        void onIdle() throws IOException;
    }

    WireReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /**
     * What to do when the socket's read timeout passes with no byte: by default give up; an inlet's watchdog may
     * decide to keep waiting, and the reader then resumes exactly where it was, mid-sample or not.
     */
    void onIdle(IdleHandler handler) {
        idleHandler = handler;
    }

    void order(ByteOrder order) {
        bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    /** Bytes received but not yet read. */
    int buffered() {
        return limit - position;
    }

    /** Bytes consumed so far, for messages that say where the stream went wrong. */
    long offset() {
        return bytesRead - (limit - position);
    }

    /**
     * One line of ASCII/UTF-8 text ending in LF (a preceding CR is dropped). A last line the peer ended by closing
     * the connection is returned too: liblsl's refusals ({@code LSL/110 404 Not found}) have no line end.
     *
     * @throws IOException when no line end comes within {@code maxLength} bytes
     */
    String readLine(int maxLength) throws IOException {
        int start = position;
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, end - start, StandardCharsets.UTF_8);
                    position = i + 1;
                    return line;
                }
            }
            scanned = limit - start;
            if (scanned >= maxLength) {
                throw new IOException("a header line longer than " + maxLength + " bytes at byte " + offset()
                        + " of the stream");
            }
            try {
                fill(scanned + 1);
            } catch (EOFException end) {
                if (scanned == 0) {
                    throw end;
                }
                String line = new String(buffer, position, scanned, StandardCharsets.UTF_8);
                position += scanned;
                return line;
            }
            start = position;
        }
    }

    int readUnsignedByte() throws IOException {
        fill(1);
        return buffer[position++] & 0xff;
    }

    byte readByte() throws IOException {
        fill(1);
        return buffer[position++];
    }

    short readShort() throws IOException {
        fill(2);
        // each get is cast on its own: a cast around the conditional would box (signature-polymorphic calls)
        short value = bigEndian ? (short) ByteViews.SHORT_BE.get(buffer, position)
                : (short) ByteViews.SHORT_LE.get(buffer, position);
        position += 2;
        return value;
    }

    int readInt() throws IOException {
        fill(4);
        int value = bigEndian ? (int) ByteViews.INT_BE.get(buffer, position)
                : (int) ByteViews.INT_LE.get(buffer, position);
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        fill(8);
        long value = bigEndian ? (long) ByteViews.LONG_BE.get(buffer, position)
                : (long) ByteViews.LONG_LE.get(buffer, position);
        position += 8;
        return value;
    }

    float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * Reads {@code count} float32 values into {@code into[offset …]}: the hot path of an inlet, one bounds check per
     * buffer refill instead of one per value.
     */
    void readFloats(float[] into, int offset, int count) throws IOException {
        if (bigEndian) {
            for (int i = 0; i < count; i++) {
                into[offset + i] = readFloat();
            }
            return;
        }
        int done = 0;
        while (done < count) {
            fill(4);
            int run = Math.min(count - done, (limit - position) / 4);
            int p = position;
            for (int i = 0; i < run; i++) {
                into[offset + done + i] = (float) ByteViews.FLOAT_LE.get(buffer, p + 4 * i);
            }
            position = p + 4 * run;
            done += run;
        }
    }

    /** Reads {@code count} int16 values, as {@link #readFloats}. */
    void readShorts(short[] into, int offset, int count) throws IOException {
        if (bigEndian) {
            for (int i = 0; i < count; i++) {
                into[offset + i] = readShort();
            }
            return;
        }
        int done = 0;
        while (done < count) {
            fill(2);
            int run = Math.min(count - done, (limit - position) / 2);
            int p = position;
            for (int i = 0; i < run; i++) {
                into[offset + done + i] = (short) ByteViews.SHORT_LE.get(buffer, p + 2 * i);
            }
            position = p + 2 * run;
            done += run;
        }
    }

    /** Reads {@code count} int32 values, as {@link #readFloats}. */
    void readInts(int[] into, int offset, int count) throws IOException {
        if (bigEndian) {
            for (int i = 0; i < count; i++) {
                into[offset + i] = readInt();
            }
            return;
        }
        int done = 0;
        while (done < count) {
            fill(4);
            int run = Math.min(count - done, (limit - position) / 4);
            int p = position;
            for (int i = 0; i < run; i++) {
                into[offset + done + i] = (int) ByteViews.INT_LE.get(buffer, p + 4 * i);
            }
            position = p + 4 * run;
            done += run;
        }
    }

    /** Reads {@code count} double64 values, as {@link #readFloats}. */
    void readDoubles(double[] into, int offset, int count) throws IOException {
        if (bigEndian) {
            for (int i = 0; i < count; i++) {
                into[offset + i] = readDouble();
            }
            return;
        }
        int done = 0;
        while (done < count) {
            fill(8);
            int run = Math.min(count - done, (limit - position) / 8);
            int p = position;
            for (int i = 0; i < run; i++) {
                into[offset + done + i] = (double) ByteViews.DOUBLE_LE.get(buffer, p + 8 * i);
            }
            position = p + 8 * run;
            done += run;
        }
    }

    /** {@code length} raw bytes as UTF-8 text. */
    String readUtf8(int length) throws IOException {
        if (length <= buffer.length) {
            fill(length);
            String text = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }
        byte[] bytes = new byte[length];
        int copied = limit - position;
        System.arraycopy(buffer, position, bytes, 0, copied);
        position = limit;
        while (copied < length) {
            int n;
            try {
                n = in.read(bytes, copied, length - copied);
            } catch (java.net.SocketTimeoutException idle) {
                idleHandler.onIdle();
                continue;
            }
            if (n < 0) {
                throw new EOFException("the stream ended inside a " + length + "-byte string");
            }
            copied += n;
            bytesRead += n;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Makes at least {@code n} unread bytes available, reading from the stream as needed. */
    private void fill(int n) throws IOException {
        if (limit - position >= n) {
            return;
        }
        if (n > buffer.length) {
            throw new IOException("a value of " + n + " bytes does not fit the " + buffer.length + "-byte buffer");
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < n) {
            int read;
            try {
                read = in.read(buffer, limit, buffer.length - limit);
            } catch (java.net.SocketTimeoutException idle) {
                idleHandler.onIdle();
                continue;
            }
            if (read < 0) {
                throw new EOFException("the connection was closed by the peer after " + offset() + " bytes");
            }
            limit += read;
            bytesRead += read;
        }
    }
}
