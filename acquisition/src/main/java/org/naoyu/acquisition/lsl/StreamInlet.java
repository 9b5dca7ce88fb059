package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LSL inlet: receives one stream from an outlet, liblsl's or ours (lsl-wire-protocol.md §6–§10).
 *
 * <p>A receiving thread connects, checks the two test-pattern samples, and decodes samples straight into a
 * preallocated ring buffer; {@link #pullChunk(double[], Object, int, Duration)} copies them out without allocating.
 * A second thread keeps the time correction fresh with {@code LSL:timedata} probes. When the connection breaks and the
 * stream has a source id, the inlet finds the outlet again (or its replacement with the same source id), reconnects by
 * itself and records the {@link Gap}.
 *
 * <pre>{@code
 * ResolvedStream stream = StreamResolver.resolveByProperty(config, "name", "naoyu-sim", 1, Duration.ofSeconds(5)).get(0);
 * try (StreamInlet inlet = StreamInlet.open(stream, config, StreamInlet.Options.defaults())) {
 *     int n = inlet.pullChunk(timestamps, values, timestamps.length, Duration.ofMillis(100));
 * }
 * }</pre>
 */
public final class StreamInlet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamInlet.class);
    private static final int HEADER_LINE_BYTES = 4096;
    private static final int MAX_INFO_BYTES = StreamInfoXml.MAX_XML_CHARS;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final long RECONNECT_PAUSE_MS = 500;
    /** Most memory an inlet's buffer takes, whatever the buffer length and the outlet's rate ask for. */
    static final long MAX_BUFFER_BYTES = 512L * 1024 * 1024;

    /** Timestamp post-processing, as liblsl's {@code proc_clocksync}, {@code proc_dejitter}, {@code proc_monotonize}. */
    public enum Processing {
        /** Add the time correction: timestamps in this machine's clock. */
        CLOCK_SYNC,
        /** Smooth timestamps of a regular stream with a linear fit against the sample count. */
        DEJITTER,
        /** Never let a timestamp go back. */
        MONOTONIC
    }

    /**
     * @param maxBufferSeconds how much the inlet and the outlet keep for it when it does not pull, in seconds of the
     *                         nominal rate (100 samples a second for irregular streams); liblsl's default is 360
     * @param recover          reconnect by itself when the outlet goes away (needs a source id)
     * @param processing       timestamp post-processing
     * @param openTimeout      how long {@link #open} may take to connect
     */
    public record Options(double maxBufferSeconds, boolean recover, Set<Processing> processing, Duration openTimeout) {
        public Options {
            if (!(maxBufferSeconds > 0 && maxBufferSeconds <= 3600)) {
                throw new IllegalArgumentException("maxBufferSeconds must be in (0, 3600], got " + maxBufferSeconds);
            }
            processing = processing.isEmpty() ? EnumSet.noneOf(Processing.class) : EnumSet.copyOf(processing);
            if (openTimeout == null || openTimeout.isNegative() || openTimeout.isZero()) {
                throw new IllegalArgumentException("openTimeout must be positive, got " + openTimeout);
            }
        }

        public static Options defaults() {
            return new Options(360, true, Set.of(), Duration.ofSeconds(10));
        }

        public Options withProcessing(Set<Processing> newProcessing) {
            return new Options(maxBufferSeconds, recover, newProcessing, openTimeout);
        }

        public Options withMaxBufferSeconds(double seconds) {
            return new Options(seconds, recover, processing, openTimeout);
        }

        public Options withRecover(boolean newRecover) {
            return new Options(maxBufferSeconds, newRecover, processing, openTimeout);
        }
    }

    /**
     * A break in the data: the connection was lost after the sample at {@code lastTimestampBefore} and came back with
     * the sample at {@code firstTimestampAfter} (raw outlet timestamps), from the outlet {@code newUid}.
     */
    public record Gap(double lastTimestampBefore, double firstTimestampAfter, String oldUid, String newUid,
            String reason) {
        public double seconds() {
            return firstTimestampAfter - lastTimestampBefore;
        }
    }

    private final LslConfig config;
    private final Options options;
    private final StreamInfo info;
    private final String fullInfoXml;
    private final SampleRing ring;
    private final TimestampProcessor processor;
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<Consumer<Gap>> gapListeners = new CopyOnWriteArrayList<>();
    private final Object connectionState = new Object();
    private final double[] oneTimestamp = new double[1];
    private final Thread receiver;
    private final Thread clock;
    private volatile ResolvedStream current;
    private volatile Socket feedSocket;
    private volatile boolean connected;
    private volatile boolean connectedOnce;
    private volatile boolean closed;
    private volatile boolean lost;
    private volatile IOException lastError;
    private volatile TimeProbes.Estimate timeEstimate;
    private volatile double lastReceivedAt = LocalClock.now();
    private int reconnects;
    private double lastRawTimestamp = Double.NaN;
    private String pendingGapReason;
    private String pendingGapOldUid;
    private double pendingGapBefore = Double.NaN;

    private StreamInlet(ResolvedStream stream, LslConfig config, Options options) throws IOException {
        if (stream.protocolVersion() < 110) {
            throw new IOException("stream " + stream + " speaks LSL protocol " + stream.protocolVersion()
                    + "; naoyu needs protocol 110 (liblsl 1.10 or newer)");
        }
        this.config = config;
        this.options = options;
        this.current = stream;
        this.fullInfoXml = fetchFullInfo(stream);
        StreamInfo full = StreamInfoXml.parse(fullInfoXml);
        if (!full.uid().equals(stream.info().uid())) {
            throw new IOException("stream " + stream + " was replaced while connecting (its uid is now " + full.uid()
                    + "); resolve it again");
        }
        this.info = full;
        double rateForBuffer = info.isIrregular() ? 100 : info.nominalRateHz();
        // the outlet states the rate, so the buffer it implies is bounded here, not trusted
        long bytesPerSample = (long) info.channelCount() * (info.format().isNumeric() ? info.format().bytesPerValue() : 8);
        int capacity = (int) Math.min(Math.max(2, Math.ceil(options.maxBufferSeconds() * rateForBuffer)),
                Math.max(2, MAX_BUFFER_BYTES / bytesPerSample));
        this.ring = new SampleRing(info.format(), info.channelCount(), capacity);
        this.processor = new TimestampProcessor(options.processing(), info.nominalRateHz());
        this.receiver = new Thread(this::receiveLoop, "lsl-inlet-" + info.name() + "-receiver");
        this.receiver.setDaemon(true);
        this.clock = new Thread(this::timeCorrectionLoop, "lsl-inlet-" + info.name() + "-clock");
        this.clock.setDaemon(true);
        receiver.start();
        clock.start();
        awaitFirstConnection(options.openTimeout());
    }

    /** Connects to a resolved stream with the settings of {@code lsl_api.cfg} and the default options. */
    public static StreamInlet open(ResolvedStream stream) throws IOException {
        return open(stream, LslConfig.load(), Options.defaults());
    }

    /**
     * Connects and starts receiving; returns once the feed is established.
     *
     * @throws IOException when the outlet refuses, the test patterns do not match, or nothing answers in time
     */
    public static StreamInlet open(ResolvedStream stream, LslConfig config, Options options) throws IOException {
        return new StreamInlet(stream, config, options);
    }

    /** The stream, from its full info (with channel metadata). */
    public StreamInfo info() {
        return info;
    }

    /** The full info document as the outlet served it. */
    public String fullInfoXml() {
        return fullInfoXml;
    }

    /** Samples waiting to be pulled. */
    public int samplesAvailable() {
        return ring.available();
    }

    /** Samples dropped because the inlet's buffer was full (the puller was too slow). */
    public long droppedSamples() {
        return ring.dropped();
    }

    /** Every break in the data so far, oldest first. */
    public List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    /** Called on the receiving thread each time the data resumes after a break. */
    public void onGap(Consumer<Gap> listener) {
        gapListeners.add(listener);
    }

    /** Whether the stream is gone for good: not recoverable, or closed. */
    public boolean isLost() {
        return lost;
    }

    /** Whether a feed connection is open now. */
    public boolean isConnected() {
        return connected;
    }

    /** How many times the inlet reconnected by itself. */
    public int reconnects() {
        synchronized (connectionState) {
            return reconnects;
        }
    }

    /**
     * Copies up to {@code maxSamples} samples into the caller's arrays: timestamps, and values sample-major in the
     * primitive array of the stream's format ({@code float[]} for float32 …). Waits up to {@code timeout} for the
     * first sample. Allocates nothing.
     *
     * @return the number of samples copied; 0 when none came in time
     * @throws IllegalStateException when the inlet is closed, or the stream is lost and nothing is left
     */
    public int pullChunk(double[] timestamps, Object values, int maxSamples, Duration timeout) {
        if (closed) {
            throw new IllegalStateException("inlet of '" + info.name() + "' is closed; open a new one with "
                    + "StreamInlet.open(stream)");
        }
        int n = Math.min(maxSamples, timestamps.length);
        if (java.lang.reflect.Array.getLength(values) < n * info.channelCount()) {
            throw new IllegalArgumentException("values must hold " + n + " samples x " + info.channelCount()
                    + " channels, got " + java.lang.reflect.Array.getLength(values) + " values");
        }
        try {
            int taken = ring.take(timestamps, values, n, timeout.toNanos());
            if (taken == 0 && lost) {
                throw new IllegalStateException("stream '" + info.name() + "' is lost: "
                        + (lastError == null ? "closed" : lastError.getMessage()));
            }
            return taken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Pulls one sample into {@code values} (an array of the stream's format with one entry per channel).
     *
     * @return its timestamp, or NaN when no sample came within the timeout
     */
    public double pullSample(Object values, Duration timeout) {
        synchronized (oneTimestamp) {
            return pullChunk(oneTimestamp, values, 1, timeout) == 1 ? oneTimestamp[0] : Double.NaN;
        }
    }

    /** Pulls up to {@code maxSamples} samples into a new chunk (empty when none came within the timeout). */
    public Chunk pullChunk(int maxSamples, Duration timeout) {
        Chunk buffer = Chunk.allocate(info.format(), info.channelCount(), maxSamples);
        int n = pullChunk(buffer.timestamps(), buffer.valueArray(), maxSamples, timeout);
        return n == maxSamples ? buffer : buffer.copyOfRange(0, n);
    }

    /**
     * The time correction: seconds to add to this stream's timestamps to read them on this machine's clock. Waits
     * for the first estimate.
     *
     * @throws TimeoutException when the outlet did not answer enough time probes in time
     */
    public double timeCorrection(Duration timeout) throws TimeoutException, InterruptedException {
        return timeEstimate(timeout).correction();
    }

    /** The latest time-correction estimate with its uncertainty (the probe's round trip). */
    public TimeProbes.Estimate timeEstimate(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connectionState) {
            while (timeEstimate == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closed) {
                    throw new TimeoutException("stream '" + info.name() + "' answered too few time probes in "
                            + timeout.toMillis() + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(connectionState, remaining);
            }
            return timeEstimate;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lost = true;
        ring.close();
        closeQuietly(feedSocket);
        receiver.interrupt();
        clock.interrupt();
        synchronized (connectionState) {
            connectionState.notifyAll();
        }
    }

    // ---- receiving ----

    private void awaitFirstConnection(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connectionState) {
            while (!connectedOnce && !lost && lastError == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    close();
                    throw new IOException("stream " + current + " did not start its feed within "
                            + timeout.toMillis() + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(connectionState, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IOException("interrupted while connecting to " + current, e);
                }
            }
            if (!connectedOnce) {
                IOException error = lastError;
                close();
                throw error != null ? error : new IOException("stream " + current + " is lost");
            }
        }
    }

    private void receiveLoop() {
        while (!closed) {
            try {
                streamFrom(current);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                IOException error = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                setDisconnected(error);
                if (!connectedOnce) {
                    // the first connection failed: open() reports it; no silent retries behind the caller's back
                    lost = true;
                    ring.close();
                    notifyState();
                    return;
                }
                LOG.warn("stream '{}' interrupted: {}", info.name(), e.getMessage());
                if (!options.recover() || info.sourceId().isEmpty()) {
                    lost = true;
                    ring.close();
                    LOG.warn("stream '{}' is lost{}", info.name(),
                            info.sourceId().isEmpty() ? " (it has no source id, so it cannot be recovered)" : "");
                    notifyState();
                    return;
                }
                pendingGapReason = error.getMessage();
                pendingGapOldUid = current.info().uid();
                pendingGapBefore = lastRawTimestamp;
                recover();
            }
        }
    }

    /** One feed connection, from request to the end of the stream (§6.3, §8). */
    private void streamFrom(ResolvedStream stream) throws IOException {
        try (Socket socket = new Socket()) {
            feedSocket = socket;
            if (closed) {
                return;
            }
            socket.connect(new InetSocketAddress(Sockets.address(stream.host()), stream.dataPort()),
                    CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(feedRequest(stream).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            WireReader reader = new WireReader(in, 1 << 16);
            boolean suppressSubnormals = readResponse(reader, stream);
            SampleDecoder decoder = new SampleDecoder(reader, info.format(), info.channelCount(), info.nominalRateHz());
            decoder.suppressSubnormals(suppressSubnormals);
            checkTestPatterns(decoder);
            decoder.resetTimestamps();
            socket.setSoTimeout(watchdogMillis());
            reader.onIdle(this::watchdog);
            setConnected();
            double[] timestamps = ring.timestampStorage();
            Object values = ring.valueStorage();
            int channels = info.channelCount();
            // a numeric sample is at most this long; strings have no bound, so each is published at once
            int fullSample = info.format().isNumeric() ? 9 + channels * info.format().bytesPerValue() : Integer.MAX_VALUE;
            while (!closed) {
                int slot = ring.reserve();
                decoder.read(timestamps, slot, values, slot * channels);
                lastReceivedAt = LocalClock.now();
                double raw = timestamps[slot];
                if (pendingGapReason != null) {
                    recordGap(raw);
                }
                lastRawTimestamp = raw;
                timestamps[slot] = processor.process(raw, timeCorrectionOrZero());
                ring.written();
                if (reader.buffered() < fullSample) {
                    ring.commit(); // the next sample is not all here yet: let readers have what arrived
                }
            }
        } finally {
            feedSocket = null;
        }
    }

    private String feedRequest(ResolvedStream stream) {
        double rateForBuffer = info.isIrregular() ? 100 : info.nominalRateHz();
        long maxBuffer = Math.max(2, (long) Math.ceil(options.maxBufferSeconds() * rateForBuffer));
        return "LSL:streamfeed/110 " + stream.info().uid() + "\r\n"
                + "Native-Byte-Order: 1234\r\n"
                + "Endian-Performance: 0\r\n"
                + "Has-IEEE754-Floats: 1\r\n"
                + "Supports-Subnormals: 1\r\n"
                + "Value-Size: " + (info.format().isNumeric() ? info.format().bytesPerValue() : 32) + "\r\n"
                + "Data-Protocol-Version: 110\r\n"
                + "Max-Buffer-Length: " + maxBuffer + "\r\n"
                + "Max-Chunk-Length: 0\r\n"
                + "Hostname: " + config.bindAddress() + "\r\n"
                + "Source-Id: " + info.sourceId() + "\r\n"
                + "Session-Id: " + config.sessionId() + "\r\n"
                + "\r\n";
    }

    /** Reads the status line and headers (§6.3); returns whether subnormals must be flushed. */
    private boolean readResponse(WireReader reader, ResolvedStream stream) throws IOException {
        String status = reader.readLine(HEADER_LINE_BYTES);
        String[] parts = status.split(" ", 3);
        if (parts.length < 3 || !parts[0].startsWith("LSL/")) {
            throw new IOException("outlet " + stream + " answered the feed request with '" + abbreviate(status)
                    + "', not an LSL status line");
        }
        if (parseInt(parts[0].substring(4), "protocol version", stream) / 100 > 1) {
            throw new IOException("outlet " + stream + " answered with protocol " + parts[0] + "; naoyu speaks 1.x");
        }
        int code = parseInt(parts[1], "status code", stream);
        if (code != 200) {
            throw new IOException("outlet " + stream + " refused the feed: " + parts[1] + " " + parts[2]);
        }
        boolean suppress = false;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        for (int lines = 0; ; lines++) {
            if (lines > FeedRequest.MAX_HEADER_LINES) {
                throw new IOException("outlet " + stream + " sent more than " + FeedRequest.MAX_HEADER_LINES
                        + " header lines");
            }
            String line = reader.readLine(HEADER_LINE_BYTES);
            if (line.isEmpty()) {
                break;
            }
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon); // as liblsl reads headers: a ';' starts a comment
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "uid" -> {
                    if (!value.equals(stream.info().uid())) {
                        throw new IOException("outlet " + stream + " answered with uid " + value);
                    }
                }
                case "byte-order" -> {
                    int byteOrder = parseInt(value, "Byte-Order", stream);
                    if (byteOrder == 4321) {
                        order = ByteOrder.BIG_ENDIAN;
                    } else if (byteOrder != 1234 && byteOrder != 0) {
                        throw new IOException("outlet " + stream + " sends byte order " + byteOrder
                                + "; expected 1234 or 4321");
                    }
                }
                case "suppress-subnormals" -> suppress = value.equals("1");
                case "data-protocol-version" -> {
                    int version = parseInt(value, "Data-Protocol-Version", stream);
                    if (version != 110) {
                        throw new IOException("outlet " + stream + " wants data protocol " + version
                                + "; naoyu decodes 110 only");
                    }
                }
                default -> {
                    // other headers carry nothing an inlet needs
                }
            }
        }
        reader.order(order);
        return suppress;
    }

    /** The two test-pattern samples must match exactly, timestamp bits included (§8.1). */
    private void checkTestPatterns(SampleDecoder decoder) throws IOException {
        for (int offset : new int[] {TestPattern.FIRST_OFFSET, TestPattern.SECOND_OFFSET}) {
            Chunk expected = TestPattern.sample(info.format(), info.channelCount(), offset);
            Chunk received = Chunk.allocate(info.format(), info.channelCount(), 1);
            decoder.read(received.timestamps(), 0, received.valueArray(), 0);
            if (!expected.equals(received)) {
                throw new IOException("test pattern " + (offset == TestPattern.FIRST_OFFSET ? 1 : 2) + " from "
                        + current + " does not match: got " + received + " " + firstValues(received)
                        + ", expected " + firstValues(expected) + "; the outlet and this inlet disagree on the format");
            }
        }
    }

    private static String firstValues(Chunk sample) {
        StringBuilder text = new StringBuilder("[");
        for (int c = 0; c < Math.min(4, sample.channelCount()); c++) {
            text.append(c == 0 ? "" : ", ").append(sample.valueAsString(0, c));
        }
        return text.append(sample.channelCount() > 4 ? ", …]" : "]").toString();
    }

    /** A regular stream silent for WatchdogTimeThreshold is broken; a silent irregular one may just have no events. */
    private void watchdog() throws IOException {
        if (closed) {
            throw new IOException("inlet closed");
        }
        double silentFor = LocalClock.now() - lastReceivedAt;
        if (!info.isIrregular() && silentFor >= config.tuning().watchdogThresholdSec()) {
            throw new IOException("no data for " + Math.round(silentFor) + " s from a " + info.nominalRateHz()
                    + " Hz stream");
        }
        if (info.isIrregular() && !findCurrent()) {
            throw new IOException("the outlet no longer answers discovery");
        }
    }

    private int watchdogMillis() {
        return (int) Math.max(100, config.tuning().watchdogThresholdSec() * 1000);
    }

    // ---- recovery (§10) ----

    private void recover() {
        boolean first = true;
        while (!closed) {
            sleep(RECONNECT_PAUSE_MS);
            try (StreamResolver resolver = new StreamResolver(config)) {
                List<ResolvedStream> found = resolver.query(recoveryQuery(), Integer.MAX_VALUE,
                        Duration.ofMillis(first ? 1000 : 5000));
                first = false;
                ResolvedStream same = found.stream()
                        .filter(s -> s.info().uid().equals(current.info().uid())).findFirst().orElse(null);
                if (same != null) {
                    current = same; // the same outlet, perhaps on new ports
                    break;
                }
                if (found.size() == 1) {
                    LOG.info("stream '{}' reappeared as {}", info.name(), found.get(0));
                    current = found.get(0);
                    processor.reset();
                    break;
                }
                if (found.size() > 1) {
                    LOG.warn("stream '{}': {} streams match its source id '{}'; waiting until one remains",
                            info.name(), found.size(), info.sourceId());
                }
            } catch (IOException e) {
                LOG.debug("recovery resolve for '{}' failed: {}", info.name(), e.getMessage());
            }
        }
        synchronized (connectionState) {
            reconnects++;
        }
    }

    /** liblsl's recovery query: same count, name, type, source id and format; no uid and no session (§4.3). */
    String recoveryQuery() {
        List<String> terms = new ArrayList<>();
        terms.add("channel_count='" + info.channelCount() + "'");
        if (!info.name().isEmpty()) {
            terms.add("name=" + StreamResolver.xpathLiteral(info.name()));
        }
        if (!info.type().isEmpty()) {
            terms.add("type=" + StreamResolver.xpathLiteral(info.type()));
        }
        if (!info.sourceId().isEmpty()) {
            terms.add("source_id=" + StreamResolver.xpathLiteral(info.sourceId()));
        }
        terms.add("channel_format='" + info.format().wireName() + "'");
        return String.join(" and ", terms);
    }

    private boolean findCurrent() {
        try (StreamResolver resolver = new StreamResolver(config)) {
            String uid = current.info().uid();
            return resolver.query("uid=" + StreamResolver.xpathLiteral(uid), 1, Duration.ofSeconds(2)).stream()
                    .anyMatch(s -> s.info().uid().equals(uid));
        } catch (IOException e) {
            return false;
        }
    }

    private void recordGap(double firstAfter) {
        Gap gap = new Gap(pendingGapBefore, firstAfter, pendingGapOldUid, current.info().uid(), pendingGapReason);
        pendingGapBefore = Double.NaN;
        pendingGapReason = null;
        gaps.add(gap);
        LOG.warn("stream '{}' resumed after a gap of {} s ({})", info.name(),
                String.format(java.util.Locale.ROOT, "%.3f", gap.seconds()), gap.reason());
        for (Consumer<Gap> listener : gapListeners) {
            listener.accept(gap);
        }
    }

    // ---- time correction (§5) ----

    private void timeCorrectionLoop() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Sockets.address(config.bindAddress()), 0))) {
            LslConfig.Tuning tuning = config.tuning();
            byte[] buffer = new byte[512];
            while (!closed && !lost) {
                ResolvedStream stream = current;
                if (stream.servicePort() > 0) {
                    TimeProbes.Estimate estimate = probeWave(socket, stream, tuning, buffer);
                    if (estimate != null) {
                        synchronized (connectionState) {
                            timeEstimate = estimate;
                            connectionState.notifyAll();
                        }
                    }
                }
                sleep((long) (tuning.timeUpdateIntervalSec() * 1000));
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("time correction for '{}' stopped: {}", info.name(), e.getMessage());
            }
        }
    }

    private static TimeProbes.Estimate probeWave(DatagramSocket socket, ResolvedStream stream,
            LslConfig.Tuning tuning, byte[] buffer) throws IOException {
        InetSocketAddress service = new InetSocketAddress(Sockets.address(stream.host()), stream.servicePort());
        int wave = ThreadLocalRandom.current().nextInt(0, Integer.MAX_VALUE);
        List<TimeProbes.Probe> probes = new ArrayList<>();
        long intervalNanos = (long) (tuning.timeProbeIntervalSec() * 1e9);
        long end = System.nanoTime() + tuning.timeProbeCount() * intervalNanos + 128_000_000L;
        long nextProbe = System.nanoTime();
        int sent = 0;
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        while (System.nanoTime() - end < 0) {
            if (sent < tuning.timeProbeCount() && System.nanoTime() - nextProbe >= 0) {
                double t0 = LocalClock.now();
                byte[] probe = ("LSL:timedata\r\n" + wave + " " + StreamInfoXml.formatDouble(t0) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(probe, probe.length, service));
                sent++;
                nextProbe += intervalNanos;
            }
            long waitNanos = Math.min(end - System.nanoTime(), sent < tuning.timeProbeCount()
                    ? nextProbe - System.nanoTime() : end - System.nanoTime());
            socket.setSoTimeout((int) Math.max(1, waitNanos / 1_000_000));
            try {
                reply.setLength(buffer.length);
                socket.receive(reply);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            double t3 = LocalClock.now();
            String[] fields = new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII).strip().split("\\s+");
            if (fields.length == 4 && fields[0].equals(Integer.toString(wave))) {
                try {
                    probes.add(new TimeProbes.Probe(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                            Double.parseDouble(fields[3]), t3));
                } catch (NumberFormatException garbage) {
                    // a malformed reply is not a probe
                }
            }
        }
        return TimeProbes.best(probes, tuning.timeUpdateMinProbes());
    }

    private double timeCorrectionOrZero() {
        TimeProbes.Estimate estimate = timeEstimate;
        return estimate == null ? 0.0 : estimate.correction();
    }

    // ---- plumbing ----

    /** Asks an outlet for its full info document ({@code LSL:fullinfo}), without opening a feed. */
    public static String fetchFullInfo(ResolvedStream stream) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Sockets.address(stream.host()), stream.dataPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            socket.getOutputStream().write("LSL:fullinfo\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] xml = socket.getInputStream().readNBytes(MAX_INFO_BYTES + 1);
            if (xml.length > MAX_INFO_BYTES) {
                throw new IOException("the full info of " + stream + " is longer than " + MAX_INFO_BYTES + " bytes");
            }
            return new String(xml, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("the full info of " + stream + " is not valid: " + e.getMessage(), e);
        }
    }

    private void setConnected() {
        synchronized (connectionState) {
            connected = true;
            connectedOnce = true;
            lastError = null;
            lastReceivedAt = LocalClock.now();
            connectionState.notifyAll();
        }
    }

    private void setDisconnected(IOException error) {
        synchronized (connectionState) {
            connected = false;
            lastError = error;
            connectionState.notifyAll();
        }
    }

    private void notifyState() {
        synchronized (connectionState) {
            connectionState.notifyAll();
        }
    }

    /** Sleeps; only close() interrupts these threads, and it sets {@code closed} first, so loops end. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int parseInt(String text, String what, ResolvedStream stream) throws IOException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException("outlet " + stream + " sent a " + what + " that is not a number: '"
                    + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
