package org.naoyu.speller.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The one way naoyu writes JSON: Jackson, from records, maps and lists. Two layouts on one line each: a document
 * ({@code {"name": "x", "rates": [1, 2]}}, what {@code --json} prints) and a JSON Lines record
 * ({@code {"name":"x"}}, one per line, for streams of rows and for events on the wire).
 *
 * <p>Numbers follow two rules JSON readers expect of a measuring tool: NaN and infinities, which JSON cannot hold,
 * are written as {@code null} (Jackson alone would write the string "NaN"), and a whole-valued double is written
 * without a fraction ({@code 2000}, not {@code 2000.0}), as a sampling rate is usually read.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("naoyu-numbers")
                    .addSerializer(Double.class, new PlainDouble())
                    .addSerializer(double.class, new PlainDouble())
                    .addSerializer(Float.class, new PlainFloat())
                    .addSerializer(float.class, new PlainFloat())
                    .addSerializer(double[].class, new PlainDoubles()));
    private static final ObjectWriter DOCUMENT = MAPPER.writer(new SpacedOneLine());
    private static final ObjectWriter LINE = MAPPER.writer();
    private static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    /** One JSON document on one line, with a space after each colon and comma. */
    public static String document(Object value) {
        return write(DOCUMENT, value);
    }

    /** One compact JSON Lines record. */
    public static String line(Object value) {
        return write(LINE, value);
    }

    /** Indented over several lines, for files a person may open (the features side-car). */
    public static String indented(Object value) {
        return write(INDENTED, value);
    }

    /** The configured mapper, for reading and for callers that stream. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static void writeNumber(double value, JsonGenerator out) throws IOException {
        if (!Double.isFinite(value)) {
            out.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.writeNumber((long) value);
        } else {
            out.writeNumber(value);
        }
    }

    private static final class PlainDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        PlainDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            writeNumber(value, out);
        }
    }

    private static final class PlainFloat extends StdSerializer<Float> {
        private static final long serialVersionUID = 1L;

        PlainFloat() {
            super(Float.class);
        }

        @Override
        public void serialize(Float value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Float.isFinite(value) && value != Math.rint(value)) {
                out.writeNumber(value);
            } else {
                writeNumber(value, out);
            }
        }
    }

    /** Arrays of doubles (latency buckets, traces) by the same rules as single ones. */
    private static final class PlainDoubles extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;

        PlainDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray(values, values.length);
            for (double value : values) {
                writeNumber(value, out);
            }
            out.writeEndArray();
        }
    }

    /** {@code {"a": 1, "b": [2, 3]}}: Jackson's minimal layout with the spaces people type. */
    private static final class SpacedOneLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator out) throws IOException {
            out.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator out) throws IOException {
            out.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator out) throws IOException {
            out.writeRaw(", ");
        }
    }
}
