package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.nio.ByteOrder;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/**
 * The inlet's side of opening a feed (lsl-wire-protocol.md §6.3, §8.1): the request it sends, the status line and
 * headers it accepts, and the two test-pattern samples that must arrive before any data. Owns the protocol rules of
 * that exchange and no state; {@link InletConnection} runs it once per connection.
 */
final class InletHandshake {
    private static final int HEADER_LINE_BYTES = 4096;

    private InletHandshake() {
    }

    /** The {@code LSL:streamfeed/110} request for {@code stream}, asking for {@code maxBufferSeconds} of samples. */
    static String request(ResolvedStream stream, StreamInfo info, LslConfig config, double maxBufferSeconds) {
        double rateForBuffer = info.isIrregular() ? 100 : info.nominalRateHz();
        long maxBuffer = Math.max(2, (long) Math.ceil(maxBufferSeconds * rateForBuffer));
        return "LSL:streamfeed/110 " + stream.info().uid() + "\r\n"
                + "Native-Byte-Order: 1234\r\n"
                + "Endian-Performance: 0\r\n"
                + "Has-IEEE754-Floats: 1\r\n"
                + "Supports-Subnormals: 1\r\n"
                + "Value-Size: " + (info.format().isNumeric() ? info.format().bytesPerValue() : 32) + "\r\n"
                + "Data-Protocol-Version: 110\r\n"
                + "Max-Buffer-Length: " + maxBuffer + "\r\n"
                + "Max-Chunk-Length: 0\r\n"
                + "Hostname: " + config.bindAddress() + "\r\n"
                + "Source-Id: " + info.sourceId() + "\r\n"
                + "Session-Id: " + config.sessionId() + "\r\n"
                + "\r\n";
    }

    /** Reads the status line and headers (§6.3); returns whether subnormals must be flushed. */
    static boolean readResponse(WireReader reader, ResolvedStream stream) throws IOException {
        String status = reader.readLine(HEADER_LINE_BYTES);
        String[] parts = status.split(" ", 3);
        if (parts.length < 3 || !parts[0].startsWith("LSL/")) {
            throw new IOException("outlet " + stream + " answered the feed request with '" + abbreviate(status)
                    + "', not an LSL status line");
        }
        if (parseInt(parts[0].substring(4), "protocol version", stream) / 100 > 1) {
            throw new IOException("outlet " + stream + " answered with protocol " + parts[0] + "; naoyu speaks 1.x");
        }
        int code = parseInt(parts[1], "status code", stream);
        if (code != 200) {
            throw new IOException("outlet " + stream + " refused the feed: " + parts[1] + " " + parts[2]);
        }
        boolean suppress = false;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        for (int lines = 0; ; lines++) {
            if (lines > FeedRequest.MAX_HEADER_LINES) {
                throw new IOException("outlet " + stream + " sent more than " + FeedRequest.MAX_HEADER_LINES
                        + " header lines");
            }
            String line = reader.readLine(HEADER_LINE_BYTES);
            if (line.isEmpty()) {
                break;
            }
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon); // as liblsl reads headers: a ';' starts a comment
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "uid" -> {
                    if (!value.equals(stream.info().uid())) {
                        throw new IOException("outlet " + stream + " answered with uid " + value);
                    }
                }
                case "byte-order" -> {
                    int byteOrder = parseInt(value, "Byte-Order", stream);
                    if (byteOrder == 4321) {
                        order = ByteOrder.BIG_ENDIAN;
                    } else if (byteOrder != 1234 && byteOrder != 0) {
                        throw new IOException("outlet " + stream + " sends byte order " + byteOrder
                                + "; expected 1234 or 4321");
                    }
                }
                case "suppress-subnormals" -> suppress = value.equals("1");
                case "data-protocol-version" -> {
                    int version = parseInt(value, "Data-Protocol-Version", stream);
                    if (version != 110) {
                        throw new IOException("outlet " + stream + " wants data protocol " + version
                                + "; naoyu decodes 110 only");
                    }
                }
                default -> {
                    // other headers carry nothing an inlet needs
                }
            }
        }
        reader.order(order);
        return suppress;
    }

    /** The two test-pattern samples must match exactly, timestamp bits included (§8.1). */
    static void checkTestPatterns(SampleDecoder decoder, StreamInfo info, ResolvedStream stream) throws IOException {
        for (int offset : new int[] {TestPattern.FIRST_OFFSET, TestPattern.SECOND_OFFSET}) {
            Chunk expected = TestPattern.sample(info.format(), info.channelCount(), offset);
            Chunk received = Chunk.allocate(info.format(), info.channelCount(), 1);
            decoder.read(received.timestamps(), 0, received.valueArray(), 0);
            if (!expected.equals(received)) {
                throw new IOException("test pattern " + (offset == TestPattern.FIRST_OFFSET ? 1 : 2) + " from "
                        + stream + " does not match: got " + received + " " + firstValues(received)
                        + ", expected " + firstValues(expected) + "; the outlet and this inlet disagree on the format");
            }
        }
    }

    private static String firstValues(Chunk sample) {
        StringBuilder text = new StringBuilder("[");
        for (int c = 0; c < Math.min(4, sample.channelCount()); c++) {
            text.append(c == 0 ? "" : ", ").append(sample.valueAsString(0, c));
        }
        return text.append(sample.channelCount() > 4 ? ", …]" : "]").toString();
    }

    private static int parseInt(String text, String what, ResolvedStream stream) throws IOException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException("outlet " + stream + " sent a " + what + " that is not a number: '"
                    + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
