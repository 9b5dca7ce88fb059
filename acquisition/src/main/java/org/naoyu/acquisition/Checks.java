package org.naoyu.acquisition;

/**
 * Argument checks that produce the house error style: the field, the allowed range, the value.
 * Package-private: each public type states its own rules; this only keeps the wording identical.
 */
final class Checks {
    /** Longest text field we accept: far above any real name, far below what breaks a UDP discovery reply. */
    static final int MAX_TEXT_LENGTH = 1024;

    private Checks() {
    }

    static String nonEmptyText(String field, String value) {
        String text = text(field, value);
        if (text.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string, got " + ChannelFormat.quoted(value));
        }
        return text;
    }

    /** A string that may be empty but must not be null, too long, or hold characters XML 1.0 cannot carry. */
    static String text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be a string (may be empty), got null");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT_LENGTH
                    + " characters long, got " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c == 0xfffe || c == 0xffff) {
                throw new IllegalArgumentException(String.format(
                        "%s must not contain control characters, got U+%04X at index %d", field, (int) c, i));
            }
        }
        return value;
    }

    static int intInRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    static <T> T nonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
