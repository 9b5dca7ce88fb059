package org.naoyu.acquisition.lsl;

import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code LSL:streamfeed/110} request (lsl-wire-protocol.md §6.3): the version on the request line, the
 * optional uid, and the headers the outlet acts on, read as liblsl reads them (lower-cased, cut at the first
 * {@code ;}, unknown keys ignored, booleans true only as {@code 1}).
 */
record FeedRequest(
        int requestedVersion,
        String uid,
        int nativeByteOrder,
        boolean ieee754Floats,
        boolean supportsSubnormals,
        int valueSize,
        long maxBufferLength,
        int maxChunkLength) {

    static final String PREFIX = "LSL:streamfeed/";
    /** Most header lines accepted after the request line; liblsl inlets send 11. */
    static final int MAX_HEADER_LINES = 64;

    /**
     * @param requestLine the first line, e.g. {@code LSL:streamfeed/110 089251a8-…}
     * @param headers     the lines after it, up to the empty line
     * @param ownValueSize the outlet's bytes per value, the default when the inlet does not say
     * @throws IllegalArgumentException naming the header and value that could not be read
     */
    static FeedRequest parse(String requestLine, List<String> headers, int ownValueSize) {
        String rest = requestLine.substring(PREFIX.length()).strip();
        int space = rest.indexOf(' ');
        String versionText = space < 0 ? rest : rest.substring(0, space);
        String uid = space < 0 ? "" : rest.substring(space + 1).strip();
        int version = parseInt("the request line's protocol version", versionText);
        int byteOrder = 1234;
        boolean ieee = true;
        boolean subnormals = true;
        int valueSize = ownValueSize;
        long maxBuffer = 0;
        int maxChunk = 0;
        for (String header : headers) {
            String line = header.toLowerCase(Locale.ROOT);
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon);
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "native-byte-order" -> byteOrder = parseInt("Native-Byte-Order", value);
                case "has-ieee754-floats" -> ieee = value.equals("1");
                case "supports-subnormals" -> subnormals = value.equals("1");
                case "value-size" -> valueSize = parseInt("Value-Size", value);
                case "max-buffer-length" -> maxBuffer = parseLong("Max-Buffer-Length", value);
                case "max-chunk-length" -> maxChunk = parseInt("Max-Chunk-Length", value);
                default -> {
                    // Endian-Performance, Hostname, Source-Id, Session-Id, Data-Protocol-Version: liblsl ignores
                    // them for the decision too (§6.3)
                }
            }
        }
        if (maxBuffer < 0) {
            throw new IllegalArgumentException("Max-Buffer-Length must be >= 0 samples, got " + maxBuffer);
        }
        return new FeedRequest(version, uid, byteOrder, ieee, subnormals, valueSize, maxBuffer, maxChunk);
    }

    private static int parseInt(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got '" + text + "'", e);
        }
    }

    private static long parseLong(String what, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got '" + text + "'", e);
        }
    }
}
