package org.naoyu.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.SafeXml;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.bci2000.Bci2000Reader;
import org.naoyu.datasets.bci2000.Bci2000Recording;
import org.naoyu.datasets.edf.EdfAnnotation;
import org.naoyu.datasets.edf.EdfReader;
import org.naoyu.datasets.edf.EdfRecording;
import org.naoyu.datasets.edf.EdfSignal;
import org.naoyu.datasets.gdf.GdfReader;
import org.naoyu.datasets.gdf.GdfRecording;
import org.naoyu.datasets.xdf.XdfReader;
import org.naoyu.datasets.xdf.XdfRecording;
import org.naoyu.datasets.xdf.XdfStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Opens any recording naoyu reads, choosing the reader by the file's first bytes, not its name.
 *
 * <pre>{@code
 * Recording recording = Recordings.open(Path.of("session.xdf"));
 * }</pre>
 */
public final class Recordings {
    private Recordings() {
    }

    /** The formats {@link #open} recognises by content. */
    public enum Kind {
        XDF, EDF, BDF, GDF, BCI2000
    }

    /**
     * Reads a recording.
     *
     * @throws FileFormatException naming the file when its content is none of the supported formats
     */
    public static Recording open(Path path) throws IOException {
        Kind kind = detect(path);
        return switch (kind) {
            case XDF -> fromXdf(XdfReader.read(path, XdfReader.Options.defaults()));
            case EDF, BDF -> fromEdf(EdfReader.read(path));
            case BCI2000 -> fromBci2000(Bci2000Reader.read(path));
            case GDF -> fromGdf(GdfReader.read(path));
        };
    }

    /** The format of a file, from its first bytes. */
    public static Kind detect(Path path) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.startsWith("XDF:")) {
            return Kind.XDF;
        }
        if (n >= 8 && (head[0] & 0xff) == 0xff && text.startsWith("BIOSEMI", 1)) {
            return Kind.BDF;
        }
        if (n >= 8 && text.startsWith("0       ")) {
            return Kind.EDF;
        }
        if (text.startsWith("GDF")) {
            return Kind.GDF;
        }
        if (text.startsWith("HeaderLen=") || text.startsWith("BCI2000V")) {
            return Kind.BCI2000;
        }
        throw new FileFormatException(path.toString(), 0, "expected an XDF ('XDF:'), EDF ('0'), BDF (0xFF 'BIOSEMI'), "
                + "GDF ('GDF') or BCI2000 ('BCI2000V'/'HeaderLen=') file, got '"
                + text.replaceAll("[^\\x20-\\x7e]", "?") + "'");
    }

    /** States that mark events in BCI2000's standard tasks: stimuli (P300, SSVEP), targets and results (cursor). */
    private static final List<String> BCI2000_EVENT_STATES = List.of("StimulusCode", "TargetCode", "ResultCode");

    /**
     * A BCI2000 run: the signal in µV as one double64 stream, every state as one int64 stream at the same rate, and
     * onsets of the event states (0 → code) as events, e.g. {@code StimulusCode=6}.
     */
    static Recording fromBci2000(Bci2000Recording run) {
        int channels = run.channelNames().size();
        int samples = run.sampleCount();
        String source = run.path().getFileName().toString();
        List<ChannelInfo> labels = new ArrayList<>();
        for (String name : run.channelNames()) {
            labels.add(new ChannelInfo(printable(name), "uV", "EEG", null));
        }
        StreamInfo signalInfo = StreamInfo.builder("BCI2000", channels, run.samplingRateHz(), ChannelFormat.DOUBLE64)
                .type("EEG").sourceId(source).uid("bci2000-signal").hostname("").createdAt(0).channels(labels).build();
        Chunk signal = Chunk.allocate(ChannelFormat.DOUBLE64, channels, samples);
        for (int s = 0; s < samples; s++) {
            signal.timestamps()[s] = s / run.samplingRateHz();
            for (int c = 0; c < channels; c++) {
                signal.double64Values()[s * channels + c] = run.microvolts(s, c);
            }
        }
        List<RecordedStream> streams = new ArrayList<>();
        streams.add(new RecordedStream(signalInfo, signal));
        List<String> stateNames = new ArrayList<>(run.stateValues().keySet());
        if (!stateNames.isEmpty()) {
            StreamInfo stateInfo = StreamInfo.builder("BCI2000 states", stateNames.size(), run.samplingRateHz(),
                            ChannelFormat.INT64).type("States").sourceId(source).uid("bci2000-states").hostname("")
                    .createdAt(0).channelLabels(stateNames).build();
            Chunk states = Chunk.allocate(ChannelFormat.INT64, stateNames.size(), samples);
            System.arraycopy(signal.timestamps(), 0, states.timestamps(), 0, samples);
            for (int k = 0; k < stateNames.size(); k++) {
                long[] values = run.stateValues().get(stateNames.get(k));
                for (int s = 0; s < samples; s++) {
                    states.int64Values()[s * stateNames.size() + k] = values[s];
                }
            }
            streams.add(new RecordedStream(stateInfo, states));
        }
        List<RecordedEvent> events = new ArrayList<>();
        for (String state : BCI2000_EVENT_STATES) {
            if (run.stateValues().containsKey(state)) {
                for (long[] onset : run.onsets(state)) {
                    events.add(new RecordedEvent(onset[0] / run.samplingRateHz(), Double.NaN,
                            state + "=" + onset[1], "states"));
                }
            }
        }
        events.sort(Comparator.comparingDouble(RecordedEvent::timeSeconds));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("version", run.version());
        if (run.parameters().containsKey("TextToSpell")) {
            metadata.put("TextToSpell", run.parameters().get("TextToSpell").value());
        }
        return new Recording(run.path(), "BCI2000", metadata, streams, events, List.of());
    }

    /** GDF signals as one double64 stream per sampling rate (seconds after the start); the event table as events. */
    static Recording fromGdf(GdfRecording gdf) {
        List<Signal> signals = new ArrayList<>();
        for (GdfRecording.GdfSignal signal : gdf.signals()) {
            signals.add(new Signal(signal.label(), signal.physicalDimension(), signal.sampleRateHz(), signal.physical(),
                    s -> s / signal.sampleRateHz()));
        }
        List<RecordedStream> streams = streamsByRate(signals, "GDF", "gdf-", gdf.path());
        List<RecordedEvent> events = new ArrayList<>();
        for (GdfRecording.GdfEvent event : gdf.events()) {
            events.add(new RecordedEvent(event.timeSeconds(), event.durationSamples() > 0
                    ? event.durationSamples() / event.eventRateHz() : Double.NaN, event.label(), "events"));
        }
        events.sort(Comparator.comparingDouble(RecordedEvent::timeSeconds));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("version", gdf.version());
        if (gdf.start() != null) {
            metadata.put("start", gdf.start().toString());
        }
        metadata.put("recording", gdf.recording());
        metadata.put("patient", gdf.patient());
        return new Recording(gdf.path(), gdf.version(), metadata, streams, events, gdf.problems());
    }

    static Recording fromXdf(XdfRecording xdf) {
        List<RecordedStream> streams = new ArrayList<>();
        List<RecordedEvent> events = new ArrayList<>();
        for (XdfStream stream : xdf.streams()) {
            streams.add(new RecordedStream(stream.info(), stream.samples()));
            if (stream.info().format() == ChannelFormat.STRING) {
                String[] labels = stream.samples().stringValues();
                int channels = stream.info().channelCount();
                for (int s = 0; s < stream.sampleCount(); s++) {
                    events.add(new RecordedEvent(stream.samples().timestamps()[s], Double.NaN, labels[s * channels],
                            stream.info().name()));
                }
            }
        }
        events.sort(Comparator.comparingDouble(RecordedEvent::timeSeconds));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("fileHeader", xdf.fileHeaderXml());
        metadata.putAll(headerFields(xdf.fileHeaderXml()));
        for (XdfStream stream : xdf.streams()) {
            metadata.put("clockOffsets." + stream.info().name(), Integer.toString(stream.clockTimes().length));
            metadata.put("effectiveRateHz." + stream.info().name(), Double.toString(stream.effectiveRateHz()));
        }
        return new Recording(xdf.path(), "XDF", metadata, streams, events, xdf.problems());
    }

    /**
     * The simple elements of an XDF file header ({@code <info><datetime>…</datetime><participant>…}), by name; an
     * unreadable header gives none (the reader has already reported it).
     */
    static Map<String, String> headerFields(String headerXml) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            Element info = SafeXml.parse(headerXml).getDocumentElement();
            for (Node node = info.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getElementsByTagName("*").getLength() == 0) {
                    fields.putIfAbsent(element.getTagName(), element.getTextContent());
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // a damaged header: the streams are still worth having
        }
        return fields;
    }

    /**
     * EDF signals become one double64 stream per sampling rate (signals of one rate share timestamps), channels
     * labelled and with units; timestamps are seconds after the start.
     */
    static Recording fromEdf(EdfRecording edf) {
        List<Signal> signals = new ArrayList<>();
        for (EdfSignal signal : edf.signals()) {
            signals.add(new Signal(signal.header().label(), signal.header().physicalDimension(), signal.sampleRateHz(),
                    signal.physical(), s -> signal.timeOf(s, edf)));
        }
        List<RecordedStream> streams = streamsByRate(signals, edf.variant().name().replace("_PLUS_", "+"), "edf-",
                edf.path());
        List<RecordedEvent> events = new ArrayList<>();
        for (EdfAnnotation annotation : edf.annotations()) {
            events.add(new RecordedEvent(annotation.onsetSeconds(), annotation.durationSeconds(), annotation.text(),
                    "annotations"));
        }
        events.sort(Comparator.comparingDouble(RecordedEvent::timeSeconds));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("patient", edf.patient());
        metadata.put("recording", edf.recording());
        metadata.put("start", edf.start().toString());
        return new Recording(edf.path(), edf.variant().name().replace("_PLUS_", "+"), metadata, streams, events,
                edf.problems());
    }

    /** One signal of a file with per-signal rates (EDF, GDF): its physical values and each sample's time. */
    private record Signal(String label, String unit, double rateHz, double[] physical, IntToDoubleFunction timeOf) {
    }

    /**
     * Signals of one sampling rate share timestamps, so each rate becomes one double64 stream, named {@code prefix}
     * alone when there is one rate, else {@code prefix 100 Hz}.
     */
    private static List<RecordedStream> streamsByRate(List<Signal> signals, String prefix, String uidPrefix,
            Path path) {
        Map<Double, List<Signal>> byRate = new LinkedHashMap<>();
        for (Signal signal : signals) {
            byRate.computeIfAbsent(signal.rateHz(), rate -> new ArrayList<>()).add(signal);
        }
        List<RecordedStream> streams = new ArrayList<>();
        for (Map.Entry<Double, List<Signal>> group : byRate.entrySet()) {
            List<Signal> members = group.getValue();
            List<ChannelInfo> channels = new ArrayList<>();
            for (Signal signal : members) {
                channels.add(new ChannelInfo(printable(signal.label()), printable(signal.unit()), "", null));
            }
            String name = byRate.size() == 1 ? prefix : prefix + " " + Json.number(group.getKey()) + " Hz";
            StreamInfo info = StreamInfo.builder(name, members.size(), Math.max(0, group.getKey()),
                            ChannelFormat.DOUBLE64)
                    .type("EEG").sourceId(path.getFileName().toString()).uid(uidPrefix + group.getKey())
                    .hostname("").createdAt(0).channels(channels).build();
            int samples = members.get(0).physical().length;
            Chunk chunk = Chunk.allocate(ChannelFormat.DOUBLE64, members.size(), samples);
            double[] values = chunk.double64Values();
            for (int c = 0; c < members.size(); c++) {
                double[] physical = members.get(c).physical();
                for (int s = 0; s < samples; s++) {
                    values[s * members.size() + c] = physical[s];
                }
            }
            for (int s = 0; s < samples; s++) {
                chunk.timestamps()[s] = members.get(0).timeOf().applyAsDouble(s);
            }
            streams.add(new RecordedStream(info, chunk));
        }
        return streams;
    }

    /** Hz without a needless ".0". */
    private static final class Json {
        static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** Header text with control characters (damage, or odd writers) shown as '?', as channel metadata allows. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
