package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;

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
    private static final int MAX_INFO_BYTES = StreamInfoXml.MAX_XML_CHARS;
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

    private final StreamInfo info;
    private final String fullInfoXml;
    private final SampleRing ring;
    private final TimeProbeClient timeProbes;
    private final InletConnection connection;
    private final double[] oneTimestamp = new double[1];

    private StreamInlet(ResolvedStream stream, LslConfig config, Options options) throws IOException {
        if (stream.protocolVersion() < 110) {
            throw new IOException("stream " + stream + " speaks LSL protocol " + stream.protocolVersion()
                    + "; naoyu needs protocol 110 (liblsl 1.10 or newer)");
        }
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
        this.timeProbes = new TimeProbeClient(config, info.name(), stream);
        this.connection = new InletConnection(stream, info, config, options, ring, timeProbes);
        connection.start();
        timeProbes.start();
        try {
            connection.awaitFirstConnection(options.openTimeout());
        } catch (IOException e) {
            close(); // a failed open leaves no thread behind
            throw e;
        }
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
        return connection.gaps();
    }

    /** Called on the receiving thread each time the data resumes after a break. */
    public void onGap(Consumer<Gap> listener) {
        connection.onGap(listener);
    }

    /** Whether the stream is gone for good: not recoverable, or closed. */
    public boolean isLost() {
        return connection.isLost();
    }

    /** Whether a feed connection is open now. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** How many times the inlet reconnected by itself. */
    public int reconnects() {
        return connection.reconnects();
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
        if (connection.isClosed()) {
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
            if (taken == 0 && connection.isLost()) {
                IOException error = connection.lastError();
                throw new IllegalStateException("stream '" + info.name() + "' is lost: "
                        + (error == null ? "closed" : error.getMessage()));
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
        return timeProbes.await(timeout);
    }

    @Override
    public void close() {
        if (connection.isClosed()) {
            return;
        }
        connection.close();
        timeProbes.close();
    }

    /** liblsl's recovery query for this stream (§4.3, §10). */
    String recoveryQuery() {
        return connection.recoveryQuery();
    }

    /** Asks an outlet for its full info document ({@code LSL:fullinfo}), without opening a feed. */
    public static String fetchFullInfo(ResolvedStream stream) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Sockets.address(stream.host()), stream.dataPort()),
                    InletConnection.CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(InletConnection.CONNECT_TIMEOUT_MS);
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
}
