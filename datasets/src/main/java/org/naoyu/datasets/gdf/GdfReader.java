package org.naoyu.datasets.gdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.naoyu.datasets.FileFormatException;

/**
 * Reads GDF 1.x and 2.x files (Schlögl, "GDF - A general dataformat for biosignals", arXiv cs/0608052, v2.51): the
 * fixed and variable headers, data records of the integer and float types, and the event table (modes 1 and 3).
 *
 * <p>Scaling: integer channels are scaled as the specification says, physical = (digital − digitalMin) ·
 * (physicalMax − physicalMin) / (digitalMax − digitalMin) + physicalMin. Float channels hold physical values as
 * writers use them (BioSig declares identical ranges for them; OpenViBE declares unrelated ones, e.g. ±0.038 over ±39
 * for data in µV), so they are taken as they stand, and a non-identity range is reported in {@code problems}.
 */
public final class GdfReader {
    private GdfReader() {
    }

    public static GdfRecording read(Path path) throws IOException {
        String name = path.toString();
        byte[] file = Files.readAllBytes(path);
        if (file.length < 256) {
            throw new FileFormatException(name, 0, "a GDF header is 256 bytes or more, the file has " + file.length);
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        String version = text(file, 0, 8);
        if (!version.matches("GDF [12]\\.\\d+")) {
            throw new FileFormatException(name, 0, "the version field must be 'GDF 1.xx' or 'GDF 2.xx', got '"
                    + new String(file, 0, 8, StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "?") + "'");
        }
        boolean v2 = version.startsWith("GDF 2");
        List<String> problems = new ArrayList<>();
        String patient = text(file, 8, v2 ? 66 : 80);
        String recording = text(file, 88, v2 ? 64 : 80);
        LocalDateTime start = v2 ? gdfTime(in.getLong(168)) : startV1(text(file, 168, 16));
        long headerBytes = v2 ? (in.getShort(184) & 0xffff) * 256L : in.getLong(184);
        long recordCount = in.getLong(236);
        long numerator = in.getInt(244) & 0xffffffffL;
        long denominator = in.getInt(248) & 0xffffffffL;
        int ns = v2 ? in.getShort(252) & 0xffff : in.getInt(252);
        if (ns < 0 || ns > 4096 || headerBytes < 256 + 256L * ns || headerBytes > file.length) {
            throw new FileFormatException(name, 184, "the header must hold 256 × (1 + signals) bytes within the file "
                    + "(signals " + ns + ", header bytes " + headerBytes + ", file " + file.length + ")");
        }
        if (denominator == 0 || numerator == 0) {
            throw new FileFormatException(name, 244, "the record duration must be a positive fraction, got "
                    + numerator + "/" + denominator);
        }
        double recordDuration = (double) numerator / denominator;
        int[] samplesPerRecord = new int[ns];
        int[] types = new int[ns];
        String[] labels = new String[ns];
        String[] units = new String[ns];
        double[] physicalMin = new double[ns];
        double[] physicalMax = new double[ns];
        double[] digitalMin = new double[ns];
        double[] digitalMax = new double[ns];
        int v = 256;
        for (int s = 0; s < ns; s++) {
            labels[s] = text(file, v + 16 * s, 16);
            units[s] = text(file, v + 96 * ns + (v2 ? 6 : 8) * s, v2 ? 6 : 8);
            int numbers = v + 104 * ns;
            physicalMin[s] = in.getDouble(numbers + 8 * s);
            physicalMax[s] = in.getDouble(numbers + 8 * ns + 8 * s);
            digitalMin[s] = v2 ? in.getDouble(numbers + 16 * ns + 8 * s) : in.getLong(numbers + 16 * ns + 8 * s);
            digitalMax[s] = v2 ? in.getDouble(numbers + 24 * ns + 8 * s) : in.getLong(numbers + 24 * ns + 8 * s);
            int counts = numbers + 32 * ns + 80 * ns; // 1.x: prefilter (80); 2.x: reserved 68 + 3 filter floats (12)
            samplesPerRecord[s] = in.getInt(counts + 4 * s);
            types[s] = in.getInt(counts + 4 * ns + 4 * s);
            if (samplesPerRecord[s] < 0) {
                throw new FileFormatException(name, counts + 4L * s, "signal " + s + " ('" + labels[s]
                        + "') samples per record must be >= 0, got " + samplesPerRecord[s]);
            }
            typeBytes(types[s], name, counts + 4L * ns + 4L * s);
        }
        long recordBytes = 0;
        for (int s = 0; s < ns; s++) {
            recordBytes += (long) samplesPerRecord[s] * typeBytes(types[s], name, 0);
        }
        long available = recordBytes == 0 ? 0 : (file.length - headerBytes) / recordBytes;
        if (recordCount < 0) {
            recordCount = available;
        } else if (recordCount > available) {
            problems.add(name + ", byte " + (headerBytes + available * recordBytes) + ": the header announces "
                    + recordCount + " records but the file holds " + available + "; reading those");
            recordCount = available;
        }
        double[][] values = new double[ns][];
        for (int s = 0; s < ns; s++) {
            values[s] = new double[Math.toIntExact(recordCount * samplesPerRecord[s])];
        }
        long p = headerBytes;
        for (long r = 0; r < recordCount; r++) {
            for (int s = 0; s < ns; s++) {
                for (int i = 0; i < samplesPerRecord[s]; i++) {
                    values[s][(int) (r * samplesPerRecord[s] + i)] = readValue(in, (int) p, types[s]);
                    p += typeBytes(types[s], name, 0);
                }
            }
        }
        List<GdfRecording.GdfSignal> signals = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            double[] physical = values[s];
            boolean isFloat = types[s] == 16 || types[s] == 17;
            if (isFloat) {
                if (physicalMin[s] != digitalMin[s] || physicalMax[s] != digitalMax[s]) {
                    problems.add(name + ", byte " + (v + 16 * s) + ": float signal '" + labels[s] + "' declares "
                            + "physical [" + physicalMin[s] + ", " + physicalMax[s] + "] over digital [" + digitalMin[s]
                            + ", " + digitalMax[s] + "]; its values are taken as physical values (" + units[s]
                            + "), as its writer stored them");
                }
            } else {
                double gain = (physicalMax[s] - physicalMin[s]) / (digitalMax[s] - digitalMin[s]);
                for (int i = 0; i < physical.length; i++) {
                    physical[i] = (physical[i] - digitalMin[s]) * gain + physicalMin[s];
                }
            }
            signals.add(new GdfRecording.GdfSignal(labels[s], units[s], physicalMin[s], physicalMax[s], digitalMin[s],
                    digitalMax[s], samplesPerRecord[s], types[s], samplesPerRecord[s] / recordDuration, physical));
        }
        double signalRate = ns == 0 ? 0 : samplesPerRecord[0] / recordDuration;
        List<GdfRecording.GdfEvent> events = events(in, file.length, headerBytes + recordCount * recordBytes, v2,
                signalRate, name);
        return new GdfRecording(path, version, patient, recording, start, recordDuration, recordCount, signals, events,
                problems);
    }

    private static List<GdfRecording.GdfEvent> events(ByteBuffer in, int size, long at, boolean v2, double signalRate,
            String name) throws FileFormatException {
        List<GdfRecording.GdfEvent> events = new ArrayList<>();
        if (at + 8 > size) {
            return events; // no event table
        }
        int p = (int) at;
        int mode = in.get(p) & 0xff;
        long count;
        double rate;
        if (v2) {
            count = (in.get(p + 1) & 0xff) | (in.get(p + 2) & 0xff) << 8 | (in.get(p + 3) & 0xff) << 16;
            rate = in.getFloat(p + 4);
        } else {
            rate = (in.get(p + 1) & 0xff) | (in.get(p + 2) & 0xff) << 8 | (in.get(p + 3) & 0xff) << 16;
            count = in.getInt(p + 4) & 0xffffffffL;
        }
        if (!(rate > 0)) {
            rate = signalRate; // 0: the events use the signals' rate
        }
        int entryBytes = mode == 3 ? 12 : 6;
        if (mode != 1 && mode != 3) {
            throw new FileFormatException(name, at, "the event table mode must be 1 or 3, got " + mode);
        }
        if (p + 8 + count * entryBytes > size) {
            throw new FileFormatException(name, at, "the event table announces " + count + " events but the file "
                    + "ends after " + (size - p - 8) / entryBytes);
        }
        int positions = p + 8;
        int types = positions + 4 * (int) count;
        for (int i = 0; i < count; i++) {
            int channel = mode == 3 ? in.getShort(types + 2 * (int) count + 2 * i) & 0xffff : 0;
            long duration = mode == 3 ? in.getInt(types + 4 * (int) count + 4 * i) & 0xffffffffL : 0;
            events.add(new GdfRecording.GdfEvent(in.getShort(types + 2 * i) & 0xffff,
                    in.getInt(positions + 4 * i) & 0xffffffffL, channel, duration, rate));
        }
        return events;
    }

    private static double readValue(ByteBuffer in, int p, int type) {
        return switch (type) {
            case 1 -> in.get(p);
            case 2 -> in.get(p) & 0xff;
            case 3 -> in.getShort(p);
            case 4 -> in.getShort(p) & 0xffff;
            case 5 -> in.getInt(p);
            case 6 -> in.getInt(p) & 0xffffffffL;
            case 7 -> in.getLong(p);
            case 8 -> unsigned(in.getLong(p));
            case 16 -> in.getFloat(p);
            case 17 -> in.getDouble(p);
            case 279 -> (in.get(p) & 0xff) | (in.get(p + 1) & 0xff) << 8 | in.get(p + 2) << 16;
            case 535 -> (in.get(p) & 0xff) | (in.get(p + 1) & 0xff) << 8 | (in.get(p + 2) & 0xff) << 16;
            default -> throw new IllegalStateException("type " + type + " was checked before");
        };
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
    }

    private static int typeBytes(int type, String name, long offset) throws FileFormatException {
        return switch (type) {
            case 1, 2 -> 1;
            case 3, 4 -> 2;
            case 5, 6, 16 -> 4;
            case 7, 8, 17 -> 8;
            case 279, 535 -> 3;
            default -> throw new FileFormatException(name, offset, "the GDF data type must be one of 1-8 (integers), "
                    + "16, 17 (float32/64), 279, 535 (24-bit), got " + type);
        };
    }

    /** GDF 1.x: "YYYYMMDDhhmmsscc", blank when unknown. */
    private static LocalDateTime startV1(String text) {
        if (text.length() < 14 || !text.substring(0, 14).chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            int centiseconds = text.length() >= 16 && text.substring(14, 16).chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(text.substring(14, 16)) : 0;
            return LocalDateTime.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)), Integer.parseInt(text.substring(8, 10)),
                    Integer.parseInt(text.substring(10, 12)), Integer.parseInt(text.substring(12, 14)),
                    centiseconds * 10_000_000);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** GDF 2.x time: days since 0000-01-00 as a 32.32 fixed-point number; 0 when unknown. */
    private static LocalDateTime gdfTime(long value) {
        if (value == 0) {
            return null;
        }
        double days = value / 4294967296.0;
        // 0000-01-00 is 719529 days before 1970-01-01 in the proleptic Gregorian calendar MATLAB's datenum uses
        double epochDays = days - 719529;
        long micros = Math.round(epochDays * 86_400_000_000.0);
        try {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), (int) Math.floorMod(micros, 1_000_000)
                    * 1000, java.time.ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(byte[] file, int from, int length) {
        String text = new String(file, from, length, StandardCharsets.ISO_8859_1);
        int nul = text.indexOf('\0');
        return (nul >= 0 ? text.substring(0, nul) : text).strip();
    }
}
