package org.naoyu.speller.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.dsp.ChannelQuality;
import org.naoyu.dsp.QualityThresholds;
import org.naoyu.speller.signal.SignalSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's status ({@link OperatorStatus}), put together on demand from the snapshots the session publishes,
 * and the housekeeping thread that re-assesses channel quality every second on the last 2 s of signal.
 */
final class StatusBoard {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);

    private final StreamInfo signal;
    private final int channels;
    private final InputLoop input;
    private final Decoding decoding;
    private final PhaseMachine phases;
    private final Recordings recordings;
    private final LatencyStats latency;
    private final SessionLog log;
    private final ScheduledExecutorService housekeeping;

    private volatile List<ChannelQuality> quality = List.of();

    StatusBoard(InputLoop input, Decoding decoding, PhaseMachine phases, Recordings recordings, LatencyStats latency,
            SessionLog log) {
        this.signal = input.signalInlet().info();
        this.channels = signal.channelCount();
        this.input = input;
        this.decoding = decoding;
        this.phases = phases;
        this.recordings = recordings;
        this.latency = latency;
        this.log = log;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "naoyu-session-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts re-assessing channel quality every second. */
    void start() {
        housekeeping.scheduleWithFixedDelay(this::housekeep, 500, 1000, TimeUnit.MILLISECONDS);
    }

    void stop() {
        housekeeping.shutdownNow();
    }

    /** Assesses the channels on the last {@code samples} of signal; the operator sees the result. */
    List<ChannelQuality> assess(int samples) {
        List<ChannelQuality> assessed = SignalSteps.quality(input.ring().last(samples), channels,
                (int) signal.nominalRateHz(), signal.channels(), decoding.lineHz(), QualityThresholds.DEFAULT);
        quality = assessed;
        return assessed;
    }

    private void housekeep() {
        int rateHz = (int) signal.nominalRateHz();
        if (!input.settling() && input.ring().available() >= 2 * rateHz) {
            try {
                assess(2 * rateHz);
            } catch (RuntimeException e) {
                LOG.debug("quality: {}", e.toString());
            }
        }
    }

    /** What the operator sees: stream status, channel maps, traces, task, recording, latency, the log. */
    OperatorStatus status() {
        StreamInlet inlet = input.signalInlet();
        StreamInlet markers = input.markerInlet();
        OperatorStatus.Stream stream = new OperatorStatus.Stream(signal.name(), channels, signal.nominalRateHz(),
                input.effectiveRateHz(), input.samplesReceived(), inlet.gaps().size(), inlet.droppedSamples(),
                inlet.isConnected(), timeCorrectionMs(inlet),
                markers == null ? null : markers.info().name() + (input.markerLost() ? " (lost)" : ""));
        List<OperatorStatus.Quality> qualityOut = new ArrayList<>();
        for (ChannelQuality c : quality) {
            qualityOut.add(new OperatorStatus.Quality(PipelineEvents.round(c.rmsMicrovolts()), c.isBad(),
                    c.problems()));
        }
        int bin = Math.max(1, (int) (signal.nominalRateHz() / 100));
        Map<String, List<Double>> traces = new LinkedHashMap<>();
        for (int c : traceChannels()) {
            traces.put(ChannelLabels.of(signal, c), rounded(input.ring().trace(c, (int) (4 * signal.nominalRateHz()),
                    bin)));
        }
        Path recording = recordings.sessionFile();
        return new OperatorStatus(stream, ChannelLabels.all(signal), OperatorStatus.Grid.squareish(channels),
                qualityOut, rounded(decoding.highGamma()), decoding.badChannels(), traces, phases.phase().id(),
                input.settling(), decoding.description(),
                recording == null ? null : recording.getFileName().toString(), recordings.calibrationFile(),
                latency.summaries(), decoding.speechProbability(), log.lines());
    }

    private static Double timeCorrectionMs(StreamInlet inlet) {
        try {
            return inlet.timeCorrection(Duration.ZERO) * 1000;
        } catch (TimeoutException e) {
            return null; // not measured yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Up to four channels spread over the grid. */
    private int[] traceChannels() {
        int[] out = new int[Math.min(4, channels)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) ((long) i * channels / out.length);
        }
        return out;
    }

    private static List<Double> rounded(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null);
        }
        return out;
    }
}
