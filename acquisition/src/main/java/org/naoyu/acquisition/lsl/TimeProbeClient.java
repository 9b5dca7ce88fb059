package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inlet's time correction (lsl-wire-protocol.md §5): its own thread sends a wave of {@code LSL:timedata} probes to
 * the outlet's service port every {@code TimeUpdateInterval} and keeps the estimate of the fastest reply
 * ({@link TimeProbes}). Owns that thread, its UDP socket and the latest estimate; the inlet's connection tells it
 * which outlet to probe after a recovery and when the stream is gone.
 */
final class TimeProbeClient {
    // the inlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamInlet.class);

    private final LslConfig config;
    private final String streamName;
    private final Object estimateChanged = new Object();
    private final Thread thread;
    private volatile ResolvedStream target;
    private volatile TimeProbes.Estimate estimate;
    private volatile boolean stopped;
    private volatile boolean closed;

    TimeProbeClient(LslConfig config, String streamName, ResolvedStream target) {
        this.config = config;
        this.streamName = streamName;
        this.target = target;
        this.thread = Threads.daemon(this::probeLoop, "lsl-inlet-" + streamName + "-clock");
    }

    void start() {
        thread.start();
    }

    /** Probes {@code stream} from the next wave on: the outlet found again after a recovery. */
    void target(ResolvedStream stream) {
        target = stream;
    }

    /** The stream is lost for good: no more waves, but the last estimate stays readable. */
    void stop() {
        stopped = true;
    }

    /** The inlet is closed: stops probing and wakes whoever waits for an estimate. */
    void close() {
        closed = true;
        stopped = true;
        thread.interrupt();
        synchronized (estimateChanged) {
            estimateChanged.notifyAll();
        }
    }

    /** The correction to add to each sample's timestamp now, 0 until the first estimate; a volatile read. */
    double correctionOrZero() {
        TimeProbes.Estimate latest = estimate;
        return latest == null ? 0.0 : latest.correction();
    }

    /** The latest estimate, waiting up to {@code timeout} for the first one. */
    TimeProbes.Estimate await(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (estimateChanged) {
            while (estimate == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closed) {
                    throw new TimeoutException("stream '" + streamName + "' answered too few time probes in "
                            + timeout.toMillis() + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(estimateChanged, remaining);
            }
            return estimate;
        }
    }

    private void probeLoop() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Sockets.address(config.bindAddress()), 0))) {
            LslConfig.Tuning tuning = config.tuning();
            byte[] buffer = new byte[512];
            while (!stopped) {
                ResolvedStream stream = target;
                if (stream.servicePort() > 0) {
                    TimeProbes.Estimate wave = probeWave(socket, stream, tuning, buffer);
                    if (wave != null) {
                        synchronized (estimateChanged) {
                            estimate = wave;
                            estimateChanged.notifyAll();
                        }
                    }
                }
                Threads.sleep((long) (tuning.timeUpdateIntervalSec() * 1000));
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("time correction for '{}' stopped: {}", streamName, e.getMessage());
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
}
