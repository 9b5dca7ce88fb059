package org.naoyu.decoder.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** The language model's data files: gzip'd UTF-8, tab-separated, {@code #} comments, shipped as resources. */
final class TabFile {

    /** Handles one line's fields; an IllegalArgumentException names what is wrong with it. */
    @FunctionalInterface
    interface Row {
        void accept(String[] fields);
    }

    private TabFile() {
    }

    /** A whole number from a field, or an error naming the field and what it held. */
    static long number(String[] fields, int index, String name) {
        try {
            return Long.parseLong(fields[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + fields[index] + "'");
        }
    }

    /** Every line of {@code in} split at tabs; a bad line becomes an IOException naming {@code what} and the line. */
    static void read(InputStream in, String what, int fields, Row row) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] split = line.split("\t");
            try {
                if (split.length != fields) {
                    throw new IllegalArgumentException("expected " + fields + " fields separated by tabs, got '"
                            + line + "'");
                }
                row.accept(split);
            } catch (IllegalArgumentException e) {
                throw new IOException(what + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads the shipped resource {@code path} (gzip'd); a missing or broken one is a build fault. */
    static void readShipped(String path, String what, int fields, Row row) {
        try (InputStream in = TabFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + what + " resource " + path + " is missing from the build");
            }
            read(new GZIPInputStream(in), what, fields, row);
        } catch (IOException e) {
            throw new IllegalStateException("the " + what + " resource " + path + " is unreadable: " + e.getMessage(),
                    e);
        }
    }
}
