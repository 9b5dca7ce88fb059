package org.naoyu.speller.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** Session events and status as JSON: one compact line each, for the marker outlet and the web UI. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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

    /** Parses an event written by {@link #json}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a session event: " + e.getOriginalMessage(), e);
        }
    }
}
