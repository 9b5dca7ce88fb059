package org.naoyu.datasets.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.FileFormatException;

/**
 * Reads EDF, EDF+ (C and D), BDF and BDF+ files: header, physical scaling, signals at different rates, records of any
 * duration (including non-integer and zero), TAL annotations in UTF-8, the sub-second start of EDF+ and the record
 * start times of discontinuous files. A number-of-records field of −1 (recording not closed) is computed from the file
 * size; a file cut short keeps its complete records and says so in {@link EdfRecording#problems()}.
 *
 * <p>Specifications: Kemp et al., "A simple format for exchange of digitized polygraphic recordings", EEG Clin.
 * Neurophysiol. 82 (1992); Kemp &amp; Olivan, "European data format 'plus' (EDF+)", Clin. Neurophysiol. 114 (2003);
 * BioSemi's BDF notes (24-bit samples, version byte 0xFF + "BIOSEMI").
 */
public final class EdfReader {
    static final int FIXED_HEADER_BYTES = 256;
    static final int SIGNAL_HEADER_BYTES = 256;
    static final int MAX_SIGNALS = 4096;
    private static final DateTimeFormatter EDF_PLUS_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yyyy").toFormatter(Locale.ENGLISH);

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final List<String> problems = new ArrayList<>();

    private EdfReader(Path path, FileChannel channel) {
        this.path = path;
        this.name = path.toString();
        this.channel = channel;
    }

    /**
     * Reads a whole file.
     *
     * @throws FileFormatException naming the file, the byte and the field when the header is not EDF/BDF
     */
    public static EdfRecording read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new EdfReader(path, channel).read();
        }
    }

    private EdfRecording read() throws IOException {
        long size = channel.size();
        byte[] fixed = bytes(0, FIXED_HEADER_BYTES, "the 256-byte fixed header");
        boolean bdf = (fixed[0] & 0xff) == 0xff;
        String version = bdf ? "\u00ff" + ascii(fixed, 1, 7) : ascii(fixed, 0, 8);
        if (bdf ? !ascii(fixed, 1, 7).equals("BIOSEMI") : !version.equals("0")) {
            throw new FileFormatException(name, 0, "the version field must be '0' (EDF) or 0xFF 'BIOSEMI' (BDF), got '"
                    + printable(ascii(fixed, 0, 8)) + "'");
        }
        String patient = field(fixed, 8, 80);
        String recording = field(fixed, 88, 80);
        String date = field(fixed, 168, 8);
        String time = field(fixed, 176, 8);
        long headerBytes = integer(fixed, 184, 8, "the number of header bytes");
        String reserved = field(fixed, 192, 44);
        long recordCount = integer(fixed, 236, 8, "the number of data records");
        double recordDuration = decimal(fixed, 244, 8, "the duration of a data record");
        long signalCount = integer(fixed, 252, 4, "the number of signals");
        EdfVariant variant = variant(bdf, reserved);

        if (signalCount < 0 || signalCount > MAX_SIGNALS) {
            throw new FileFormatException(name, 252, "the number of signals must be in [0, " + MAX_SIGNALS + "], got "
                    + signalCount);
        }
        int ns = (int) signalCount;
        if (headerBytes != FIXED_HEADER_BYTES + (long) SIGNAL_HEADER_BYTES * ns) {
            throw new FileFormatException(name, 184, "the number of header bytes must be 256 × (signals + 1) = "
                    + (FIXED_HEADER_BYTES + SIGNAL_HEADER_BYTES * ns) + ", got " + headerBytes);
        }
        if (!(recordDuration >= 0 && recordDuration < 1e7)) {
            throw new FileFormatException(name, 244, "the duration of a data record must be >= 0 s, got "
                    + recordDuration);
        }
        List<EdfSignalHeader> headers = signalHeaders(bytes(FIXED_HEADER_BYTES, ns * SIGNAL_HEADER_BYTES,
                "the signal headers"), ns);
        long recordBytes = 0;
        for (EdfSignalHeader header : headers) {
            recordBytes += (long) header.samplesPerRecord() * variant.bytesPerSample();
        }
        long available = recordBytes == 0 ? 0 : (size - headerBytes) / recordBytes;
        if (recordCount == -1) {
            recordCount = available; // the recorder did not close the file; the size says how much was written
        } else if (recordCount < 0) {
            throw new FileFormatException(name, 236, "the number of data records must be >= 0 or -1, got "
                    + recordCount);
        } else if (recordCount > available && recordBytes > 0) {
            problems.add(name + ", byte " + (headerBytes + available * recordBytes) + ": the header announces "
                    + recordCount + " data records but the file holds " + available + "; reading those");
            recordCount = available;
        }
        if (recordCount * recordBytes > Integer.MAX_VALUE * 4L) {
            throw new FileFormatException(name, 236, recordCount + " records of " + recordBytes
                    + " bytes are more than this reader holds in memory");
        }
        return readRecords(variant, patient, recording, date, time, recordDuration, headers, (int) recordCount,
                recordBytes, headerBytes);
    }

    private EdfRecording readRecords(EdfVariant variant, String patient, String recording, String date, String time,
            double recordDuration, List<EdfSignalHeader> headers, int recordCount, long recordBytes,
            long headerBytes) throws IOException {
        List<int[]> digital = new ArrayList<>();
        for (EdfSignalHeader header : headers) {
            digital.add(header.isAnnotations() ? null : new int[Math.multiplyExact(header.samplesPerRecord(),
                    recordCount)]);
        }
        List<EdfAnnotation> annotations = new ArrayList<>();
        double[] recordStarts = new double[recordCount];
        double firstTimekeeping = Double.NaN;
        int bytesPerSample = variant.bytesPerSample();
        ByteBuffer record = ByteBuffer.allocate((int) recordBytes);
        for (int r = 0; r < recordCount; r++) {
            long at = headerBytes + r * recordBytes;
            record.clear();
            while (record.hasRemaining()) {
                if (channel.read(record, at + record.position()) < 0) {
                    throw new FileFormatException(name, at, "the file ends inside data record " + r);
                }
            }
            byte[] data = record.array();
            int p = 0;
            double recordStart = r * recordDuration;
            boolean timekept = false;
            for (int s = 0; s < headers.size(); s++) {
                EdfSignalHeader header = headers.get(s);
                int n = header.samplesPerRecord();
                if (header.isAnnotations()) {
                    double timekeeping = parseTals(data, p, n * bytesPerSample, at + p, annotations, !timekept);
                    if (!timekept && !Double.isNaN(timekeeping)) {
                        timekept = true;
                        if (r == 0) {
                            firstTimekeeping = timekeeping;
                        }
                        if (variant.isDiscontinuous()) {
                            recordStart = timekeeping - firstTimekeeping;
                        }
                    }
                } else {
                    int[] out = digital.get(s);
                    int base = r * n;
                    if (bytesPerSample == 2) {
                        for (int i = 0; i < n; i++, p += 2) {
                            out[base + i] = (short) ((data[p] & 0xff) | (data[p + 1] << 8));
                        }
                        continue;
                    }
                    for (int i = 0; i < n; i++, p += 3) {
                        out[base + i] = (data[p] & 0xff) | ((data[p + 1] & 0xff) << 8) | (data[p + 2] << 16);
                    }
                    continue;
                }
                p += n * bytesPerSample;
            }
            recordStarts[r] = recordStart;
        }
        double subsecond = variant.isPlus() && !Double.isNaN(firstTimekeeping) ? firstTimekeeping : 0;
        if (subsecond != 0) {
            // onsets are relative to the start time, which the first timekeeping TAL moves by its fraction
            for (int i = 0; i < annotations.size(); i++) {
                EdfAnnotation a = annotations.get(i);
                annotations.set(i, new EdfAnnotation(a.onsetSeconds() - subsecond, a.durationSeconds(), a.text()));
            }
        }
        LocalDateTime start = start(date, time, recording, variant).plusNanos(Math.round(subsecond * 1e9));
        List<EdfSignal> signals = new ArrayList<>();
        for (int s = 0; s < headers.size(); s++) {
            if (!headers.get(s).isAnnotations()) {
                signals.add(new EdfSignal(headers.get(s), headers.get(s).sampleRateHz(recordDuration), digital.get(s)));
            }
        }
        return new EdfRecording(path, variant, patient, recording, start, recordDuration, recordStarts, signals,
                annotations, problems);
    }

    /**
     * Parses the TALs of one annotation signal in one record into {@code out}; returns the onset of the record's
     * timekeeping TAL (the first TAL, with no text) when {@code firstInRecord}, else NaN.
     */
    private double parseTals(byte[] data, int from, int length, long fileOffset, List<EdfAnnotation> out,
            boolean firstInRecord) throws FileFormatException {
        double timekeeping = Double.NaN;
        int end = from + length;
        boolean first = firstInRecord;
        int p = from;
        while (p < end) {
            if (data[p] == 0) { // a TAL ends with a 0 byte; unused bytes of the signal are 0 as well
                p++;
                continue;
            }
            int talEnd = p;
            while (talEnd < end && data[talEnd] != 0) {
                talEnd++;
            }
            String tal = new String(data, p, talEnd - p, StandardCharsets.UTF_8);
            long at = fileOffset + (p - from);
            int firstSeparator = tal.indexOf('\u0014');
            if (firstSeparator < 0) {
                throw new FileFormatException(name, at, "an annotation (TAL) must have an onset followed by byte 20, "
                        + "got '" + printable(tal) + "'");
            }
            String timing = tal.substring(0, firstSeparator);
            int durationMark = timing.indexOf('\u0015');
            double onset = talNumber(durationMark < 0 ? timing : timing.substring(0, durationMark), at, "onset");
            double duration = durationMark < 0 ? Double.NaN : talNumber(timing.substring(durationMark + 1), at,
                    "duration");
            String[] texts = tal.substring(firstSeparator + 1).split("\u0014", -1);
            for (String text : texts) {
                if (!text.isEmpty()) {
                    out.add(new EdfAnnotation(onset, duration, text));
                }
            }
            if (first && texts[0].isEmpty()) {
                timekeeping = onset; // the record's first TAL starts with an empty annotation: it keeps the time
            }
            first = false;
            p = talEnd;
        }
        return timekeeping;
    }

    private double talNumber(String text, long offset, String what) throws FileFormatException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new FileFormatException(name, offset, "an annotation's " + what + " must be a number such as +1.5, "
                    + "got '" + printable(text) + "'");
        }
    }

    private List<EdfSignalHeader> signalHeaders(byte[] h, int ns) throws FileFormatException {
        // the signal header is field-major: all labels, then all transducers, …
        int[] widths = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};
        int[] starts = new int[widths.length];
        for (int f = 1; f < widths.length; f++) {
            starts[f] = starts[f - 1] + widths[f - 1] * ns;
        }
        List<EdfSignalHeader> headers = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            int[] at = new int[widths.length];
            for (int f = 0; f < widths.length; f++) {
                at[f] = starts[f] + s * widths[f];
            }
            String label = field(h, at[0], 16);
            String what = "signal " + s + " ('" + printable(label) + "') ";
            double physicalMin = decimal(h, at[3], 8, what + "physical minimum", FIXED_HEADER_BYTES);
            double physicalMax = decimal(h, at[4], 8, what + "physical maximum", FIXED_HEADER_BYTES);
            long digitalMin = integer(h, at[5], 8, what + "digital minimum", FIXED_HEADER_BYTES);
            long digitalMax = integer(h, at[6], 8, what + "digital maximum", FIXED_HEADER_BYTES);
            long samples = integer(h, at[8], 8, what + "samples per data record", FIXED_HEADER_BYTES);
            if (samples < 0 || samples > 10_000_000) {
                throw new FileFormatException(name, FIXED_HEADER_BYTES + at[8], what
                        + "samples per data record must be in [0, 10000000], got " + samples);
            }
            boolean annotations = label.equals("EDF Annotations") || label.equals("BDF Annotations");
            if (!annotations && digitalMax <= digitalMin) {
                throw new FileFormatException(name, FIXED_HEADER_BYTES + at[6], what + "digital maximum must exceed "
                        + "the digital minimum " + digitalMin + ", got " + digitalMax);
            }
            headers.add(new EdfSignalHeader(label, field(h, at[1], 80), field(h, at[2], 8), physicalMin, physicalMax,
                    digitalMin, digitalMax, field(h, at[7], 80), (int) samples, field(h, at[9], 32)));
        }
        return headers;
    }

    private static EdfVariant variant(boolean bdf, String reserved) {
        if (reserved.startsWith("EDF+C") || reserved.startsWith("BDF+C")) {
            return bdf ? EdfVariant.BDF_PLUS_C : EdfVariant.EDF_PLUS_C;
        }
        if (reserved.startsWith("EDF+D") || reserved.startsWith("BDF+D")) {
            return bdf ? EdfVariant.BDF_PLUS_D : EdfVariant.EDF_PLUS_D;
        }
        return bdf ? EdfVariant.BDF : EdfVariant.EDF;
    }

    /**
     * dd.mm.yy and hh.mm.ss; years 85–99 are 19xx, 00–84 are 20xx (EDF+ clipping rule). EDF+ recording fields that
     * say {@code Startdate dd-MMM-yyyy} give the four-digit year.
     */
    private LocalDateTime start(String date, String time, String recording, EdfVariant variant)
            throws FileFormatException {
        LocalDate day;
        try {
            String[] d = date.split("\\.");
            int yy = Integer.parseInt(d[2]);
            day = LocalDate.of(yy >= 85 ? 1900 + yy : 2000 + yy, Integer.parseInt(d[1]), Integer.parseInt(d[0]));
        } catch (RuntimeException e) {
            throw new FileFormatException(name, 168, "the start date must be dd.mm.yy, got '" + printable(date) + "'");
        }
        if (variant.isPlus() && recording.startsWith("Startdate ")) {
            String[] words = recording.split(" ");
            if (words.length > 1) {
                try {
                    day = LocalDate.parse(words[1], EDF_PLUS_DATE);
                } catch (DateTimeException unknownX) {
                    // 'X' (unknown) or a malformed date: the dd.mm.yy field stands
                }
            }
        }
        try {
            String[] t = time.split("\\.");
            return LocalDateTime.of(day, LocalTime.of(Integer.parseInt(t[0]), Integer.parseInt(t[1]),
                    Integer.parseInt(t[2])));
        } catch (RuntimeException e) {
            throw new FileFormatException(name, 176, "the start time must be hh.mm.ss, got '" + printable(time) + "'");
        }
    }

    private byte[] bytes(long offset, int length, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new FileFormatException(name, offset + buffer.position(), "the file ends inside " + what
                        + " (" + length + " bytes expected, " + buffer.position() + " present)");
            }
        }
        return buffer.array();
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1).strip();
    }

    /** Header text: ASCII by the standard; decoded as Latin-1 so that no byte is lost or refused. */
    private static String field(byte[] bytes, int from, int length) {
        return ascii(bytes, from, length);
    }

    private long integer(byte[] bytes, int from, int length, String what) throws FileFormatException {
        return integer(bytes, from, length, what, 0);
    }

    private long integer(byte[] bytes, int from, int length, String what, long base) throws FileFormatException {
        String text = ascii(bytes, from, length);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FileFormatException(name, base + from, what + " must be an integer, got '" + printable(text)
                    + "'");
        }
    }

    private double decimal(byte[] bytes, int from, int length, String what) throws FileFormatException {
        return decimal(bytes, from, length, what, 0);
    }

    private double decimal(byte[] bytes, int from, int length, String what, long base) throws FileFormatException {
        String text = ascii(bytes, from, length);
        try {
            double value = Double.parseDouble(text.replace(',', '.')); // some writers use a decimal comma
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FileFormatException(name, base + from, what + " must be a number, got '" + printable(text)
                    + "'");
        }
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
