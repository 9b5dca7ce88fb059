package org.naoyu.datasets.bci2000;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.naoyu.datasets.FileFormatException;

/**
 * Reads BCI2000 {@code .dat} files (versions 1.0 and 1.1): the header line ({@code HeaderLen}, {@code SourceCh},
 * {@code StatevectorLen}, {@code DataFormat}), the state vector definition, the parameters, and the data — for each
 * sample the channel values (int16, int32 or float32, little endian) followed by the state vector, whose bit fields
 * are decoded per state. Specification: BCI2000 wiki, "Technical Reference: BCI2000 File Format".
 */
public final class Bci2000Reader {
    private Bci2000Reader() {
    }

    public static Bci2000Recording read(Path path) throws IOException {
        String name = path.toString();
        byte[] file = Files.readAllBytes(path);
        int firstLineEnd = indexOf(file, (byte) '\n', 0, Math.min(file.length, 1024));
        if (firstLineEnd < 0) {
            throw new FileFormatException(name, 0, "expected a BCI2000 header line ending within 1024 bytes");
        }
        Map<String, String> fields = headerFields(new String(file, 0, firstLineEnd, StandardCharsets.ISO_8859_1));
        int headerLength = positive(fields, "HeaderLen", name, 1, file.length);
        int channels = positive(fields, "SourceCh", name, 1, 65536);
        int stateVectorLength = positive(fields, "StatevectorLen", name, 0, 4096);
        String format = fields.getOrDefault("DataFormat", "int16");
        int valueBytes = switch (format) {
            case "int16" -> 2;
            case "int32", "float32" -> 4;
            default -> throw new FileFormatException(name, 0, "DataFormat must be int16, int32 or float32, got '"
                    + format + "'");
        };
        String header = new String(file, 0, headerLength, StandardCharsets.ISO_8859_1);
        List<Bci2000State> states = new ArrayList<>();
        Map<String, Bci2000Parameter> parameters = new LinkedHashMap<>();
        parseSections(header, name, states, parameters, stateVectorLength);

        int sampleBytes = channels * valueBytes + stateVectorLength;
        long dataBytes = file.length - (long) headerLength;
        int samples = (int) (dataBytes / sampleBytes);
        double[] raw = new double[samples * channels];
        Map<String, long[]> stateValues = new LinkedHashMap<>();
        for (Bci2000State state : states) {
            stateValues.put(state.name(), new long[samples]);
        }
        ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int s = 0; s < samples; s++) {
            int at = headerLength + s * sampleBytes;
            for (int c = 0; c < channels; c++) {
                int p = at + c * valueBytes;
                raw[s * channels + c] = switch (format) {
                    case "int16" -> data.getShort(p);
                    case "int32" -> data.getInt(p);
                    default -> data.getFloat(p);
                };
            }
            int stateAt = at + channels * valueBytes;
            for (Bci2000State state : states) {
                stateValues.get(state.name())[s] = state.read(file, stateAt);
            }
        }
        double rate = parameters.containsKey("SamplingRate") ? parameters.get("SamplingRate").number() : 0;
        if (!(rate > 0)) {
            throw new FileFormatException(name, 0, "the SamplingRate parameter must be a positive rate, got '"
                    + (parameters.containsKey("SamplingRate") ? parameters.get("SamplingRate").value() : "none") + "'");
        }
        List<String> names = channelNames(parameters, channels);
        return new Bci2000Recording(path, fields.getOrDefault("BCI2000V", "1.0"), rate, names, raw,
                perChannel(parameters, "SourceChGain", channels, 1.0), perChannel(parameters, "SourceChOffset", channels,
                        0.0), parameters, states, stateValues);
    }

    /** {@code Key= value Key2= value2} pairs of the first line. */
    private static Map<String, String> headerFields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] tokens = line.strip().split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i].endsWith("=")) {
                fields.put(tokens[i].substring(0, tokens[i].length() - 1), tokens[i + 1]);
                i++;
            }
        }
        return fields;
    }

    private static void parseSections(String header, String name, List<Bci2000State> states,
            Map<String, Bci2000Parameter> parameters, int stateVectorLength) throws FileFormatException {
        String section = "";
        int offset = 0;
        for (String line : header.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                section = trimmed;
            } else if (!trimmed.isEmpty() && section.startsWith("[ State Vector Definition")) {
                String[] t = trimmed.split("\\s+");
                try {
                    Bci2000State state = new Bci2000State(t[0], Integer.parseInt(t[1]), Long.parseLong(t[2]),
                            Integer.parseInt(t[3]), Integer.parseInt(t[4]));
                    if (state.lastByte() >= stateVectorLength) {
                        throw new IllegalArgumentException("state " + state.name() + " reaches byte " + state.lastByte()
                                + " of a " + stateVectorLength + "-byte state vector");
                    }
                    states.add(state);
                } catch (RuntimeException e) {
                    throw new FileFormatException(name, offset, "a state definition must be 'Name Length Value Byte "
                            + "Bit', got '" + trimmed + "' (" + e.getMessage() + ")");
                }
            } else if (!trimmed.isEmpty() && section.startsWith("[ Parameter Definition")) {
                Bci2000Parameter parameter = parameter(trimmed);
                if (parameter != null) {
                    parameters.put(parameter.name(), parameter);
                }
            }
            offset += line.length() + 1;
        }
    }

    /** {@code Section type Name= values // comment}; null for a line that is not a parameter. */
    static Bci2000Parameter parameter(String line) {
        int comment = line.indexOf("//");
        String body = comment < 0 ? line : line.substring(0, comment);
        String[] t = body.strip().split("\\s+");
        if (t.length < 3 || !t[2].endsWith("=")) {
            return null;
        }
        String type = t[1];
        List<String> tokens = new ArrayList<>(Arrays.asList(t).subList(3, t.length));
        List<String> values;
        if (type.endsWith("list") && !tokens.isEmpty()) {
            int count;
            try {
                count = Integer.parseInt(tokens.get(0));
            } catch (NumberFormatException labelled) {
                count = tokens.size() - 1; // a labelled list; keep its tokens
            }
            values = tokens.subList(1, Math.min(tokens.size(), 1 + count));
        } else if (type.equals("matrix")) {
            values = tokens;
        } else {
            values = tokens.isEmpty() ? List.of() : tokens.subList(0, 1);
        }
        List<String> decoded = new ArrayList<>();
        for (String value : values) {
            decoded.add(value.equals("%") ? "" : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return new Bci2000Parameter(t[0], type, t[2].substring(0, t[2].length() - 1), decoded,
                comment < 0 ? "" : line.substring(comment + 2).strip());
    }

    private static List<String> channelNames(Map<String, Bci2000Parameter> parameters, int channels) {
        Bci2000Parameter names = parameters.get("ChannelNames");
        if (names != null && names.values().size() == channels) {
            return names.values();
        }
        List<String> numbered = new ArrayList<>();
        for (int c = 1; c <= channels; c++) {
            numbered.add(Integer.toString(c));
        }
        return numbered;
    }

    private static double[] perChannel(Map<String, Bci2000Parameter> parameters, String name, int channels,
            double fallback) {
        double[] values = new double[channels];
        Arrays.fill(values, fallback);
        Bci2000Parameter parameter = parameters.get(name);
        if (parameter != null) {
            for (int c = 0; c < Math.min(channels, parameter.values().size()); c++) {
                values[c] = Double.parseDouble(parameter.values().get(c));
            }
        }
        return values;
    }

    private static int positive(Map<String, String> fields, String key, String name, int min, int max)
            throws FileFormatException {
        String text = fields.get(key);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FileFormatException(name, 0, "the header line's " + key + " must be an integer in [" + min
                    + ", " + max + "], got " + (text == null ? "nothing" : "'" + text + "'"));
        }
    }

    private static int indexOf(byte[] data, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
