package org.naoyu.datasets.xdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.SampleBytes;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;

/**
 * Writes XDF 1.0 files as LabRecorder does: file header, one stream header per stream (the full stream info),
 * Samples chunks, ClockOffset chunks, a Boundary chunk every 10 s, and at the end one footer per stream (first and
 * last timestamp, sample count, clock offsets) — so pyxdf, EEGLAB and MNE read them.
 *
 * <p><b>Crash safety.</b> Chunks are written whole; buffered bytes reach the file at least every second (a background
 * flush covers quiet periods), so a process killed at any moment leaves a file readable up to its last complete
 * chunk, minus at most a second of data. The writer never overwrites a file.
 *
 * <p>Thread-safe: a recorder may write each stream from its own thread.
 */
public final class XdfWriter implements AutoCloseable {
    static final double BOUNDARY_INTERVAL_SECONDS = 10;
    static final long FLUSH_INTERVAL_MILLIS = 1000;

    /** What the footer of a stream will say. */
    private static final class StreamState {
        final StreamInfo info;
        double firstTimestamp = Double.NaN;
        double lastTimestamp = Double.NaN;
        long sampleCount;
        final List<double[]> clockOffsets = new ArrayList<>();
        boolean footerWritten;

        StreamState(StreamInfo info) {
            this.info = info;
        }
    }

    private final Path path;
    private final OutputStream out;
    private final Map<Integer, StreamState> streams = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher;
    private byte[] scratch = new byte[1 << 16];
    private final DoubleSupplier boundaryClock;
    private double lastBoundary;
    private int nextStreamId = 1;
    private boolean closed;
    private boolean dirty;

    private XdfWriter(Path path, Map<String, String> headerFields, Instant datetime, DoubleSupplier boundaryClock)
            throws IOException {
        this.path = path;
        this.boundaryClock = boundaryClock;
        this.lastBoundary = boundaryClock.getAsDouble();
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 20);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "refusing to overwrite an existing recording; choose another file name");
        }
        out.write(XdfChunkReader.MAGIC);
        writeChunk(1, -1, fileHeaderXml(headerFields, datetime).getBytes(StandardCharsets.UTF_8));
        out.flush();
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xdf-writer-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushIfDirty, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Creates a new XDF file.
     *
     * @param headerFields extra elements of the file header's {@code <info>}, e.g. session metadata (participant
     *                     pseudonym, session, task); names must be XML element names
     * @throws FileAlreadyExistsException when the file exists: recordings are never overwritten
     */
    public static XdfWriter create(Path path, Map<String, String> headerFields) throws IOException {
        return create(path, headerFields, Instant.now(), LocalClock::now);
    }

    /**
     * Creates a new XDF file whose bytes depend only on what is written: the header's {@code datetime} is given, and
     * Boundary chunks follow {@code boundaryClock} (for a simulation, its own time) rather than the wall clock.
     */
    public static XdfWriter create(Path path, Map<String, String> headerFields, Instant datetime,
            DoubleSupplier boundaryClock) throws IOException {
        for (String name : headerFields.keySet()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new IllegalArgumentException("header field names must be XML element names, got '" + name + "'");
            }
        }
        return new XdfWriter(path, headerFields, datetime, boundaryClock);
    }

    public Path path() {
        return path;
    }

    /** Adds a stream and writes its header; returns its stream id (1, 2, …). */
    public synchronized int addStream(StreamInfo info) throws IOException {
        ensureOpen();
        int id = nextStreamId++;
        streams.put(id, new StreamState(info));
        writeChunk(2, id, StreamInfoXml.toXml(info).getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** Writes the samples of a chunk, every one with its timestamp. */
    public synchronized void writeSamples(int streamId, Chunk chunk) throws IOException {
        ensureOpen();
        StreamState stream = stream(streamId);
        if (chunk.format() != stream.info.format() || chunk.channelCount() != stream.info.channelCount()) {
            throw new IllegalArgumentException("chunk must have " + stream.info.channelCount() + " "
                    + stream.info.format() + " channels like stream " + streamId + " ('" + stream.info.name()
                    + "'), got " + chunk.channelCount() + " " + chunk.format());
        }
        if (chunk.isEmpty()) {
            return;
        }
        writeChunk(3, streamId, encodeSamples(chunk));
        double[] t = chunk.timestamps();
        if (stream.sampleCount == 0) {
            stream.firstTimestamp = t[0];
        }
        stream.lastTimestamp = t[t.length - 1];
        stream.sampleCount += t.length;
        boundaryIfDue();
    }

    /**
     * Records a clock offset as LabRecorder does: {@code collectionTime} on the stream's clock when it was measured,
     * {@code offset} the LSL time correction then (seconds to add to the stream's timestamps for the recorder's clock).
     */
    public synchronized void writeClockOffset(int streamId, double collectionTime, double offset) throws IOException {
        ensureOpen();
        StreamState stream = stream(streamId);
        byte[] content = new byte[16];
        SampleBytes.putDouble(content, 0, collectionTime);
        SampleBytes.putDouble(content, 8, offset);
        writeChunk(4, streamId, content);
        stream.clockOffsets.add(new double[] {collectionTime, offset});
    }

    /** Writes the footer of one stream now (for a stream that ended before the recording). */
    public synchronized void writeFooter(int streamId) throws IOException {
        ensureOpen();
        StreamState stream = stream(streamId);
        if (!stream.footerWritten) {
            writeChunk(6, streamId, footerXml(stream).getBytes(StandardCharsets.UTF_8));
            stream.footerWritten = true;
        }
    }

    /** Writes the footers still due, a last boundary, and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            writeChunk(5, -1, XdfChunkReader.BOUNDARY);
            for (int id : streams.keySet()) {
                writeFooter(id);
            }
            out.flush();
        } finally {
            closed = true;
            flusher.shutdownNow();
            out.close();
        }
    }

    private void boundaryIfDue() throws IOException {
        double now = boundaryClock.getAsDouble();
        if (now - lastBoundary >= BOUNDARY_INTERVAL_SECONDS) {
            writeBoundary();
            lastBoundary = now;
        }
    }

    /** Writes a Boundary chunk now (for example after a stream's gap), besides the one every 10 s. */
    public synchronized void writeBoundary() throws IOException {
        ensureOpen();
        writeChunk(5, -1, XdfChunkReader.BOUNDARY);
    }

    private synchronized void flushIfDirty() {
        if (dirty && !closed) {
            try {
                out.flush();
                dirty = false;
            } catch (IOException e) {
                // the next write reports it to the caller
            }
        }
    }

    /** [length bytes][length][tag][stream id?][content], the length counting tag, id and content. */
    private void writeChunk(int tag, int streamId, byte[] content) throws IOException {
        long length = 2L + (streamId >= 0 ? 4 : 0) + content.length;
        byte[] head = new byte[1 + 8 + 2 + 4];
        int p;
        if (length <= 0xff) {
            head[0] = 1;
            head[1] = (byte) length;
            p = 2;
        } else if (length <= 0xffffffffL) {
            head[0] = 4;
            SampleBytes.putInt(head, 1, (int) length);
            p = 5;
        } else {
            head[0] = 8;
            SampleBytes.putLong(head, 1, length);
            p = 9;
        }
        SampleBytes.putShort(head, p, (short) tag);
        p += 2;
        if (streamId >= 0) {
            SampleBytes.putInt(head, p, streamId);
            p += 4;
        }
        out.write(head, 0, p);
        out.write(content);
        dirty = true;
    }

    /** [sample count][per sample: 8, timestamp, values], the values as {@link SampleBytes} lays them out. */
    private byte[] encodeSamples(Chunk chunk) {
        int samples = chunk.sampleCount();
        byte[][] strings = SampleBytes.utf8(chunk);
        long size = 9 + (long) samples * 9 + SampleBytes.valueBytes(chunk, strings);
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a Samples chunk must stay below 2 GiB, got " + size
                    + " bytes; write smaller chunks");
        }
        byte[] buffer = size <= scratch.length ? scratch : (scratch = new byte[(int) Math.max(size, scratch.length * 2L)]);
        int p = SampleBytes.putLength(buffer, 0, samples);
        double[] t = chunk.timestamps();
        for (int s = 0; s < samples; s++) {
            buffer[p++] = 8;
            SampleBytes.putDouble(buffer, p, t[s]);
            p += 8;
            p = SampleBytes.putValues(chunk, s, strings, buffer, p);
        }
        return java.util.Arrays.copyOf(buffer, p);
    }

    private static String fileHeaderXml(Map<String, String> fields, Instant datetime) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><info><version>1.0</version><datetime>")
                .append(datetime).append("</datetime>");
        fields.forEach((name, value) -> xml.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        return xml.append("<writer>naoyu</writer></info>").toString();
    }

    private static String footerXml(StreamState stream) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><info>");
        if (stream.sampleCount > 0) {
            xml.append("<first_timestamp>").append(number(stream.firstTimestamp)).append("</first_timestamp>")
                    .append("<last_timestamp>").append(number(stream.lastTimestamp)).append("</last_timestamp>");
        } else {
            xml.append("<first_timestamp>0</first_timestamp><last_timestamp>0</last_timestamp>");
        }
        xml.append("<sample_count>").append(stream.sampleCount).append("</sample_count><clock_offsets>");
        for (double[] offset : stream.clockOffsets) {
            xml.append("<offset><time>").append(number(offset[0])).append("</time><value>").append(number(offset[1]))
                    .append("</value></offset>");
        }
        return xml.append("</clock_offsets></info>").toString();
    }

    /** The shortest text that reads back as the same double. */
    private static String number(double value) {
        return Double.toString(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private StreamState stream(int streamId) {
        StreamState stream = streams.get(streamId);
        if (stream == null) {
            throw new IllegalArgumentException("streamId must be one that addStream returned " + streams.keySet()
                    + ", got " + streamId);
        }
        return stream;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("XDF writer of " + path + " is closed; open a new file with "
                    + "XdfWriter.create(path, fields)");
        }
    }
}
