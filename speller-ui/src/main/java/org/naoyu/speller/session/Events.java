package org.naoyu.speller.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/** Session events and status as JSON: one compact line each, for the marker outlet and the web UI. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble()));

    /** JSON has no NaN or infinity: they are written as null (Jackson would write the string "NaN"). */
    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }

    private Events() {
    }

    /** The JSON text of a value made of maps, lists, records, strings and numbers (NaN is written as null). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write session event as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a JSON object (an event, a request body); anything else is refused. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            Object value = JSON.readValue(json, Object.class);
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("expected a JSON object, got " + (value == null ? "null"
                        : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a session event: " + e.getOriginalMessage(), e);
        }
    }
}
