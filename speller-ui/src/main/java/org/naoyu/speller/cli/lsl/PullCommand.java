package org.naoyu.speller.cli.lsl;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.acquisition.lsl.TimeProbes;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.support.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu lsl pull NAME}: receives a stream for a while and reports what arrived. */
@Command(name = "pull", description = "Receive the stream NAME for some seconds and report samples, effective rate, gaps, first and "
                + "last timestamp and time correction.")
public final class PullCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Parameters(paramLabel = "NAME", description = "The stream's name.")
    String name;

    @Option(names = "--seconds", defaultValue = "5", description = "How long to receive (default ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    JsonOption json;

    @Option(names = "--verify-signal",
            description = "Check every value against the test signal of 'naoyu lsl push' (channel * 1000 + index).")
    boolean verifySignal;

    @Spec
    CommandSpec spec;

    /** What arrived. */
    record Report(StreamInfo info, long samples, double firstTimestamp, double lastTimestamp, long timestampGaps,
            double largestGapSeconds, int reconnects, long dropped, double timeCorrection, double uncertainty,
            long signalMismatches, boolean verified) {
        double effectiveRateHz() {
            return samples > 1 && lastTimestamp > firstTimestamp ? (samples - 1) / (lastTimestamp - firstTimestamp)
                    : 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new IllegalArgumentException("--seconds must be in (0, 86400], got " + seconds);
        }
        LslConfig config = lsl.config();
        try (StreamInlet inlet = StreamInlet.open(LslCommand.findByName(config, name, lsl), config,
                StreamInlet.Options.defaults())) {
            Report report = receive(inlet);
            PrintWriter out = spec.commandLine().getOut();
            if (json.requested()) {
                json.print(out, Summary.of(report));
            } else {
                out.println(toText(report));
            }
            out.flush();
            return verifySignal && report.signalMismatches() > 0 ? 1 : 0;
        }
    }

    private Report receive(StreamInlet inlet) throws InterruptedException {
        StreamInfo info = inlet.info();
        int block = info.isIrregular() ? 64 : (int) Math.max(1, Math.min(4096, info.nominalRateHz() / 10));
        Chunk buffer = Chunk.allocate(info.format(), info.channelCount(), block);
        double interval = info.isIrregular() ? 0 : 1 / info.nominalRateHz();
        long samples = 0;
        long gaps = 0;
        long mismatches = 0;
        double largestGap = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        long expectedNumber = -1;
        double end = LocalClock.now() + seconds;
        while (LocalClock.now() < end && !inlet.isLost()) {
            int n = inlet.pullChunk(buffer.timestamps(), buffer.valueArray(), block, Duration.ofMillis(50));
            for (int s = 0; s < n; s++) {
                double t = buffer.timestamps()[s];
                if (samples == 0) {
                    first = t;
                } else if (interval > 0 && t - last > 1.5 * interval) {
                    gaps++;
                    largestGap = Math.max(largestGap, t - last - interval);
                }
                last = t;
                samples++;
                if (verifySignal) {
                    if (expectedNumber < 0) {
                        expectedNumber = TestSignal.sampleNumberOf(buffer, s);
                    }
                    if (!TestSignal.matches(buffer, s, expectedNumber)) {
                        mismatches++;
                        expectedNumber = TestSignal.sampleNumberOf(buffer, s); // resynchronise on a gap
                    }
                    expectedNumber++;
                }
            }
        }
        double correction = Double.NaN;
        double uncertainty = Double.NaN;
        try {
            TimeProbes.Estimate estimate = inlet.timeEstimate(Duration.ofSeconds(3));
            correction = estimate.correction();
            uncertainty = estimate.uncertainty();
        } catch (TimeoutException noEstimate) {
            // reported as unknown
        }
        return new Report(info, samples, first, last, gaps, largestGap, inlet.reconnects(), inlet.droppedSamples(),
                correction, uncertainty, mismatches, verifySignal);
    }

    static String toText(Report r) {
        StringBuilder text = new StringBuilder();
        StreamInfo info = r.info();
        text.append(String.format(Locale.ROOT, "stream     '%s' (%s), %d ch %s at %s Hz, source id '%s', host %s%n",
                info.name(), info.type(), info.channelCount(), info.format(),
                info.isIrregular() ? "irregular" : Numbers.plain(info.nominalRateHz()), info.sourceId(),
                info.hostname()));
        text.append(String.format(Locale.ROOT, "samples    %d, effective rate %.3f Hz%n", r.samples(),
                r.effectiveRateHz()));
        text.append(String.format(Locale.ROOT, "timestamps first %.6f, last %.6f (outlet clock)%n",
                r.firstTimestamp(), r.lastTimestamp()));
        text.append(String.format(Locale.ROOT, "gaps       %d (largest %.1f ms), reconnects %d, dropped %d%n",
                r.timestampGaps(), r.largestGapSeconds() * 1000, r.reconnects(), r.dropped()));
        text.append(Double.isNaN(r.timeCorrection()) ? "time corr. unknown (too few time probes answered)"
                : String.format(Locale.ROOT, "time corr. %.1f µs (uncertainty %.1f µs)", r.timeCorrection() * 1e6,
                        r.uncertainty() * 1e6));
        if (r.verified()) {
            text.append(System.lineSeparator()).append(r.signalMismatches() == 0
                    ? "signal     every value matches channel * 1000 + index"
                    : "signal     " + r.signalMismatches() + " samples differ from channel * 1000 + index");
        }
        return text.toString();
    }

    /** What {@code --json} prints; {@code signalMismatches} only with {@code --verify-signal}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(String name, String type, int channels, String format, double nominalRateHz, String sourceId,
            long samples, double effectiveRateHz, double firstTimestamp, double lastTimestamp, long gaps,
            double largestGapSeconds, long reconnects, long droppedSamples, double timeCorrectionSeconds,
            double timeCorrectionUncertaintySeconds, Long signalMismatches) {
        static Summary of(Report r) {
            StreamInfo info = r.info();
            return new Summary(info.name(), info.type(), info.channelCount(), info.format().wireName(),
                    info.nominalRateHz(), info.sourceId(), r.samples(), r.effectiveRateHz(), r.firstTimestamp(),
                    r.lastTimestamp(), r.timestampGaps(), r.largestGapSeconds(), r.reconnects(), r.dropped(),
                    r.timeCorrection(), r.uncertainty(), r.verified() ? (Long) (long) r.signalMismatches() : null);
        }
    }
}
