package org.naoyu.speller.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text input for the language commands, read line by line as UTF-8: a line that is not UTF-8 is named by its number,
 * and the lines before it have been handled (decoding a line at a time, not a buffer ahead).
 */
public final class TextFiles implements Closeable {
    private final InputStream in;
    private final boolean owned;
    private final String name;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int lineNumber;

    private TextFiles(InputStream in, boolean owned, String name) {
        this.in = new BufferedInputStream(in);
        this.owned = owned;
        this.name = name;
    }

    /** A file, or standard input when {@code file} is null. */
    public static TextFiles open(Path file) throws IOException {
        return file == null ? new TextFiles(System.in, false, "standard input")
                : new TextFiles(Files.newInputStream(file), true, file.toString());
    }

    /** All lines of a UTF-8 file. */
    public static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TextFiles text = open(file)) {
            for (String l = text.next(); l != null; l = text.next()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** The next line without its end ({@code \n} or {@code \r\n}), or null at the end. */
    public String next() throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CommandFailure(1, name + ": line " + lineNumber + " is not UTF-8 text (GBK or another "
                    + "encoding? convert it first, e.g. iconv -f GBK -t UTF-8)");
        }
    }

    @Override
    public void close() throws IOException {
        if (owned) { // standard input is not ours to close
            in.close();
        }
    }
}
