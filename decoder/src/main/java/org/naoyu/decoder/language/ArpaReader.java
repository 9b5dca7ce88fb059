package org.naoyu.decoder.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The line-by-line reading of an ARPA file for {@link ArpaModel}, naming the line of anything wrong. */
final class ArpaReader {
    /** Receives one n-gram: its order, words, log10 probability and log10 back-off (0 when not given). */
    interface NGrams {
        void add(int n, String[] words, double logProb, double backoff);
    }

    private final BufferedReader reader;
    private final String name;
    private int lineNumber;

    ArpaReader(BufferedReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** The counts of the {@code \data\} header, indexed by order (index 0 unused). */
    long[] header() throws IOException {
        String line;
        do {
            line = next();
            if (line == null) {
                throw new IOException(name + ": no \\data\\ header; not an ARPA language model");
            }
        } while (!line.strip().equals("\\data\\"));
        List<Long> counts = new ArrayList<>();
        counts.add(0L);
        while ((line = next()) != null && !line.isBlank()) {
            String text = line.strip();
            int equals = text.indexOf('=');
            if (!text.startsWith("ngram ") || equals < 0) {
                throw error("expected 'ngram N=COUNT', got '" + text + "'");
            }
            int n = (int) number(text.substring(6, equals).strip(), "the order");
            long count = number(text.substring(equals + 1).strip(), "the count");
            if (n != counts.size() || count < 0) {
                throw error("expected the count of order " + counts.size() + ", got '" + text + "'");
            }
            counts.add(count);
        }
        if (counts.size() < 2) {
            throw error("the \\data\\ header lists no n-gram counts");
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reads the {@code \n-grams:} section of {@code expected} lines into {@code out}. */
    void section(int n, long expected, NGrams out) throws IOException {
        String line = nextNonBlank();
        if (line == null || !line.strip().equals("\\" + n + "-grams:")) {
            throw error("expected \\" + n + "-grams:, got " + (line == null ? "the end of the file" : "'" + line
                    + "'"));
        }
        long seen = 0;
        String[] words = new String[n];
        while ((line = next()) != null && !line.isBlank()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length != n + 1 && fields.length != n + 2) {
                throw error("a " + n + "-gram line has a log-probability, " + n + " words and perhaps a back-off; "
                        + "got " + fields.length + " fields");
            }
            double logProb = probability(fields[0]);
            System.arraycopy(fields, 1, words, 0, n);
            double backoff = fields.length == n + 2 ? backoff(fields[n + 1]) : 0;
            try {
                out.add(n, words, logProb, backoff);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            seen++;
        }
        if (seen != expected) {
            throw error("the header promised " + expected + " " + n + "-grams, the section has " + seen);
        }
    }

    /** Expects {@code \end\} after the last section. */
    void end() throws IOException {
        String line = nextNonBlank();
        if (line == null || !line.strip().equals("\\end\\")) {
            throw error("expected \\end\\ after the last section");
        }
    }

    /** A log10 probability: at most 0 (-inf allowed, as some tools write for {@code <s>}). */
    private double probability(String text) throws IOException {
        double value = decimal(text);
        if (Double.isNaN(value) || value > 0) {
            throw error("a log10 probability must be at most 0, got '" + text + "'");
        }
        return value;
    }

    /** A log10 back-off weight: any finite number (a weight above 1 is legal). */
    private double backoff(String text) throws IOException {
        double value = decimal(text);
        if (!Double.isFinite(value)) {
            throw error("a log10 back-off must be finite, got '" + text + "'");
        }
        return value;
    }

    private double decimal(String text) throws IOException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a number");
        }
    }

    private long number(String text, String what) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(what + " '" + text + "' is not a whole number");
        }
    }

    private String next() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    private String nextNonBlank() throws IOException {
        String line;
        do {
            line = next();
        } while (line != null && line.isBlank());
        return line;
    }

    private IOException error(String message) {
        return new IOException(name + " line " + lineNumber + ": " + message);
    }
}
