package org.naoyu.acquisition.lsl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The INI dialect of {@code lsl_api.cfg}: {@code [section]} headers, {@code Key = value} lines, {@code ;} or
 * {@code #} comments. Section and key names are case-sensitive, as liblsl reads them.
 */
final class IniFile {
    private final Map<String, String> values;
    private final String source;

    private IniFile(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /**
     * @param text   the file's text
     * @param source where it came from, for messages (a path)
     * @throws IllegalArgumentException naming the line that is neither a section, a key = value, nor a comment
     */
    static IniFile parse(String text, String source) {
        Map<String, String> values = new HashMap<>();
        String section = "";
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new IllegalArgumentException(source + " line " + (i + 1)
                            + ": a section header must end with ']', got '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": expected 'Key = value', got '" + line + "'");
            }
            values.put(section + "." + line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return new IniFile(values, source);
    }

    static IniFile empty() {
        return new IniFile(Map.of(), "built-in defaults");
    }

    String source() {
        return source;
    }

    Optional<String> get(String section, String key) {
        return Optional.ofNullable(values.get(section + "." + key));
    }

    /** Where a value was read, for error messages: {@code lsl_api.cfg [ports] BasePort}. */
    String where(String section, String key) {
        return source + " [" + section + "] " + key;
    }
}
