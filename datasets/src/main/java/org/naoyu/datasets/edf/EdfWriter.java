package org.naoyu.datasets.edf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.RecordedEvent;
import org.naoyu.datasets.RecordedStream;

/**
 * Exports streams and events as EDF+C (16-bit) or BDF+C (24-bit): every channel of every regularly sampled numeric
 * stream becomes a signal, events become TAL annotations in the {@code EDF Annotations} signal. Each channel's
 * physical range is its data's range, so the quantisation step is (max − min) / 65535 (EDF) or / 16777215 (BDF).
 *
 * <p>EDF needs whole data records of one duration for all signals: the writer picks the shortest duration in
 * {1 s, 2 s, 5 s, 10 s, 0.5 s, 0.1 s} that holds a whole number of samples of every rate, and pads the last record by
 * repeating each channel's last value. The identification fields name no one: patient {@code X X X X} (EDF+'s
 * "unknown"), recording {@code Startdate … X naoyu X}.
 */
public final class EdfWriter {
    private static final double[] RECORD_DURATIONS = {1, 2, 5, 10, 0.5, 0.1};
    private static final DateTimeFormatter EDF_PLUS_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private EdfWriter() {
    }

    /** One output signal: a channel of a stream. */
    private record Signal(String label, String unit, double rateHz, double[] values, double physicalMin,
            double physicalMax) {
    }

    /**
     * Writes the file.
     *
     * @param bdf   24-bit BDF+ instead of 16-bit EDF+
     * @param start the recording's start, or null when unknown (EDF+: {@code Startdate X}, 01.01.85); timestamps are
     *              taken relative to the earliest first sample
     * @throws IllegalArgumentException naming the stream that EDF cannot hold (irregular or text)
     * @throws FileAlreadyExistsException when the file exists
     */
    public static void write(Path path, List<RecordedStream> streams, List<RecordedEvent> events, LocalDateTime start,
            boolean bdf) throws IOException {
        List<Signal> signals = new ArrayList<>();
        double origin = Double.POSITIVE_INFINITY;
        for (RecordedStream stream : streams) {
            if (stream.sampleCount() > 0) {
                origin = Math.min(origin, stream.samples().timestamps()[0]);
            }
        }
        if (origin == Double.POSITIVE_INFINITY) {
            origin = events.isEmpty() ? 0 : events.get(0).timeSeconds();
        }
        for (RecordedStream stream : streams) {
            if (!stream.info().format().isNumeric()) {
                continue; // text streams are carried by their events
            }
            if (stream.info().isIrregular()) {
                throw new IllegalArgumentException("stream '" + stream.info().name() + "' has an irregular rate; EDF "
                        + "holds regularly sampled signals only (export it to XDF instead)");
            }
            int channels = stream.info().channelCount();
            List<String> labels = stream.info().channelLabels();
            for (int c = 0; c < channels; c++) {
                double[] values = new double[stream.sampleCount()];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < values.length; s++) {
                    double v = stream.samples().valueAsDouble(s, c);
                    values[s] = v;
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (!(min < max)) { // empty, constant or all NaN: any non-empty range
                    min = Double.isFinite(min) ? min - 1 : -1;
                    max = min + 2;
                }
                String unit = stream.info().channels().isEmpty() ? "" : stream.info().channels().get(c).unit();
                double[] bounds = headerBounds(min, max);
                signals.add(new Signal(labels.get(c), unit, stream.info().nominalRateHz(), values, bounds[0],
                        bounds[1]));
            }
        }
        double recordDuration = recordDuration(signals);
        long recordCount = 0;
        for (Signal signal : signals) {
            long perRecord = Math.round(signal.rateHz() * recordDuration);
            recordCount = Math.max(recordCount, (signal.values().length + perRecord - 1) / perRecord);
        }
        double lastEvent = events.isEmpty() ? 0 : events.get(events.size() - 1).timeSeconds() - origin;
        recordCount = Math.max(recordCount, (long) Math.floor(Math.max(0, lastEvent) / recordDuration) + 1);
        writeFile(path, signals, events, origin, start, bdf, recordDuration, recordCount);
    }

    private static double recordDuration(List<Signal> signals) {
        for (double duration : RECORD_DURATIONS) {
            boolean whole = true;
            for (Signal signal : signals) {
                double samples = signal.rateHz() * duration;
                whole &= Math.abs(samples - Math.rint(samples)) < 1e-9 && samples >= 1;
            }
            if (whole) {
                return duration;
            }
        }
        throw new IllegalArgumentException("no data record duration of " + java.util.Arrays.toString(RECORD_DURATIONS)
                + " s holds a whole number of samples of every rate "
                + signals.stream().map(s -> s.rateHz() + " Hz").distinct().toList());
    }

    private static void writeFile(Path path, List<Signal> signals, List<RecordedEvent> events, double origin,
            LocalDateTime start, boolean bdf, double recordDuration, long recordCount) throws IOException {
        // annotations of each record, as TAL bytes; the annotation signal is sized for the fullest record
        List<byte[]> tals = new ArrayList<>();
        int eventIndex = 0;
        int maxTalBytes = 0;
        for (long r = 0; r < recordCount; r++) {
            StringBuilder tal = new StringBuilder(onset(r * recordDuration) + "\u0014\u0014\u0000");
            double recordEnd = (r + 1) * recordDuration;
            while (eventIndex < events.size() && (events.get(eventIndex).timeSeconds() - origin < recordEnd
                    || r == recordCount - 1)) {
                RecordedEvent event = events.get(eventIndex++);
                tal.append(onset(event.timeSeconds() - origin));
                if (!Double.isNaN(event.durationSeconds())) {
                    tal.append('\u0015').append(decimal(Math.abs(event.durationSeconds())));
                }
                tal.append('\u0014').append(event.label().replace('\u0014', ' ').replace('\u0000', ' '))
                        .append("\u0014\u0000");
            }
            byte[] bytes = tal.toString().getBytes(StandardCharsets.UTF_8);
            tals.add(bytes);
            maxTalBytes = Math.max(maxTalBytes, bytes.length);
        }
        int bytesPerSample = bdf ? 3 : 2;
        int annotationSamples = Math.max(1, (maxTalBytes + bytesPerSample - 1) / bytesPerSample);
        long digitalMin = bdf ? -8388608 : -32768;
        long digitalMax = bdf ? 8388607 : 32767;
        int ns = signals.size() + 1;
        boolean known = start != null;
        LocalDateTime when = known ? start : LocalDateTime.of(1985, 1, 1, 0, 0);
        StringBuilder header = new StringBuilder();
        header.append(bdf ? "\u00ffBIOSEMI" : pad("0", 8))
                .append(pad("X X X X", 80))
                .append(pad("Startdate " + (known ? when.format(EDF_PLUS_DATE).toUpperCase(Locale.ENGLISH) : "X")
                        + " X naoyu X", 80))
                .append(when.format(DateTimeFormatter.ofPattern("dd.MM.yy")))
                .append(when.format(DateTimeFormatter.ofPattern("HH.mm.ss")))
                .append(pad(Integer.toString(256 * (ns + 1)), 8))
                .append(pad(bdf ? "BDF+C" : "EDF+C", 44))
                .append(pad(Long.toString(recordCount), 8))
                .append(pad(number(recordDuration), 8))
                .append(pad(Integer.toString(ns), 4));
        List<String[]> fields = new ArrayList<>();
        for (Signal s : signals) {
            fields.add(new String[] {ascii(s.label()), "", ascii(s.unit()), number(s.physicalMin()),
                number(s.physicalMax()), Long.toString(digitalMin), Long.toString(digitalMax), "",
                Long.toString(Math.round(s.rateHz() * recordDuration)), ""});
        }
        fields.add(new String[] {bdf ? "BDF Annotations" : "EDF Annotations", "", "", "-1", "1",
            Long.toString(digitalMin), Long.toString(digitalMax), "", Integer.toString(annotationSamples), ""});
        int[] widths = {16, 80, 8, 8, 8, 8, 8, 80, 8, 32};
        for (int f = 0; f < widths.length; f++) {
            for (String[] signal : fields) {
                header.append(pad(signal[f], widths[f]));
            }
        }
        OutputStream out;
        try {
            out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 20);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path.toString(), null, "refusing to overwrite an existing file");
        }
        try (out) {
            out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
            for (long r = 0; r < recordCount; r++) {
                for (Signal s : signals) {
                    int perRecord = (int) Math.round(s.rateHz() * recordDuration);
                    double gain = (s.physicalMax() - s.physicalMin()) / (digitalMax - digitalMin);
                    for (int i = 0; i < perRecord; i++) {
                        long index = r * perRecord + i;
                        double value = s.values().length == 0 ? s.physicalMin()
                                : s.values()[(int) Math.min(index, s.values().length - 1)];
                        long digital = Double.isFinite(value)
                                ? Math.round((value - s.physicalMin()) / gain) + digitalMin : digitalMin;
                        digital = Math.max(digitalMin, Math.min(digitalMax, digital));
                        writeSample(out, digital, bytesPerSample);
                    }
                }
                byte[] tal = tals.get((int) r);
                out.write(tal);
                out.write(new byte[annotationSamples * bytesPerSample - tal.length]);
            }
        }
    }

    private static void writeSample(OutputStream out, long digital, int bytes) throws IOException {
        out.write((int) digital & 0xff);
        out.write((int) (digital >> 8) & 0xff);
        if (bytes == 3) {
            out.write((int) (digital >> 16) & 0xff);
        }
    }

    /**
     * The physical range as the 8-character header fields will say it, still covering [min, max]: the digital values
     * are computed with exactly the numbers a reader will see, so they round-trip within half a step.
     */
    private static double[] headerBounds(double min, double max) {
        double margin = Math.max(Math.abs(min), Math.abs(max)) * 1e-7;
        for (int attempt = 0; attempt < 60; attempt++) {
            double low = Double.parseDouble(number(min - margin));
            double high = Double.parseDouble(number(max + margin));
            if (low <= min && high >= max && low < high) {
                return new double[] {low, high};
            }
            margin = margin == 0 ? 1e-9 : margin * 2;
        }
        throw new IllegalArgumentException("the range [" + min + ", " + max + "] does not fit 8-character EDF fields");
    }

    /** A TAL onset: a sign, then seconds to 0.1 µs. */
    private static String onset(double seconds) {
        return (seconds < 0 ? "-" : "+") + decimal(Math.abs(seconds));
    }

    private static String decimal(double value) {
        return new java.math.BigDecimal(value).setScale(7, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /** A header number in at most 8 characters, as precise as fits. */
    static String number(double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e7 ? Long.toString((long) value)
                : Double.toString(value);
        if (text.length() <= 8) {
            return text;
        }
        for (int digits = 7; digits >= 0; digits--) {
            String shorter = String.format(Locale.ROOT, "%." + digits + "f", value);
            if (shorter.length() <= 8) {
                return shorter;
            }
        }
        throw new IllegalArgumentException("the number " + value + " does not fit an 8-character EDF header field");
    }

    /** EDF header text is printable ASCII: anything else becomes '?'. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        String fitted = text.length() > width ? text.substring(0, width) : text;
        return fitted + " ".repeat(width - fitted.length());
    }
}
