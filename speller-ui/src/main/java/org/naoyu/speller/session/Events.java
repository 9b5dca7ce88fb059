package org.naoyu.speller.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.Map;
import org.naoyu.speller.support.JsonText;

/**
 * Session events and status as JSON: one compact line each, for the marker outlet and the web UI, through the one
 * JSON path of the application ({@link JsonText}: NaN as null, whole numbers without a fraction).
 */
public final class Events {
    private Events() {
    }

    /** The JSON text of an event record, the operator status or a page message, on one line. */
    public static String json(Object value) {
        return JsonText.line(value);
    }

    /** Parses a JSON object (an event, a request body); anything else is refused. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            Object value = JsonText.mapper().readValue(json, Object.class);
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("expected a JSON object, got " + (value == null ? "null"
                        : value.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a session event: " + e.getOriginalMessage(), e);
        }
    }
}
