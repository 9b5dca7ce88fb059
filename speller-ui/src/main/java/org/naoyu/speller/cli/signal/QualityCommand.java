package org.naoyu.speller.cli.signal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.dsp.ChannelQuality;
import org.naoyu.dsp.QualityThresholds;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.cli.options.QualityThresholdOptions;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.signal.SignalSteps;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu quality IN}: the channel-quality table of a recording, with the thresholds used. */
@Command(name = "quality",
        description = "Assess every channel of a recording's signal stream: RMS, flat and clipped shares, amplitude "
                + "against the other channels, mains and high-frequency noise, correlation with neighbours (from "
                + "electrode positions, else adjacent channels); lists the bad ones and why. Thresholds can be changed.")
public final class QualityCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "IN", description = "The recording.")
    Path in;

    @Option(names = "--stream", paramLabel = "NAME", description = "The stream (default: the one with most channels).")
    String stream;

    @Option(names = "--seconds", paramLabel = "S", description = "Assess only the first S seconds (default: all).")
    Double seconds;

    @Option(names = "--line", paramLabel = "HZ", defaultValue = "50", description = "Mains frequency, 50 or 60 "
            + "(default ${DEFAULT-VALUE}).")
    double lineHz;

    @Mixin
    JsonOption json;

    @Mixin
    QualityThresholdOptions limits;

    @Spec
    CommandSpec spec;

    /** One channel as a JSON Lines record of {@code --json}. */
    record ChannelRow(int channel, String label, @JsonProperty("rms_uv") double rmsMicrovolts, double flat,
            double clipped, @JsonProperty("deviation_z") double deviationZ,
            @JsonProperty("line_ratio") double lineRatio, @JsonProperty("line_z") double lineZ,
            @JsonProperty("hf_ratio") double highFrequencyRatio, @JsonProperty("hf_z") double highFrequencyZ,
            @JsonProperty("neighbour_r") double neighbourCorrelation, boolean bad, List<String> problems) {
        static ChannelRow of(ChannelQuality q, String label) {
            return new ChannelRow(q.channel(), label, q.rmsMicrovolts(), q.flatFraction(), q.clippedFraction(),
                    q.deviationZ(), q.lineNoiseRatio(), q.lineNoiseZ(), q.highFrequencyRatio(), q.highFrequencyZ(),
                    q.neighbourCorrelation(), q.isBad(), q.problems());
        }
    }

    /** The last JSON Lines record of {@code --json}: the thresholds the verdicts used. */
    record ThresholdsRow(Limits thresholds) {
    }

    record Limits(@JsonProperty("min_rms_uv") double minRms, @JsonProperty("max_flat") double maxFlat,
            @JsonProperty("max_clipped") double maxClipped, @JsonProperty("max_deviation_z") double maxDeviation,
            @JsonProperty("max_line_ratio") double maxLine, @JsonProperty("max_line_z") double maxLineZ,
            @JsonProperty("max_hf_z") double maxHighFrequency, @JsonProperty("min_neighbour_r") double minCorrelation) {
        static Limits of(QualityThresholds t) {
            return new Limits(t.minRmsMicrovolts(), t.maxFlatFraction(), t.maxClippedFraction(), t.maxDeviationZ(),
                    t.maxLineNoiseRatio(), t.maxLineNoiseZ(), t.maxHighFrequencyZ(), t.minNeighbourCorrelation());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (seconds != null && !(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
        }
        if (lineHz != 50 && lineHz != 60) {
            throw new IllegalArgumentException("--line must be 50 or 60, got " + Numbers.plain(lineHz));
        }
        QualityThresholds thresholds = limits.thresholds();
        Recording recording = RecordingFiles.open(in);
        RecordedStream signal = RecordingFiles.signal(recording, stream);
        double rate = signal.info().nominalRateHz();
        int channels = signal.info().channelCount();
        Chunk chunk = signal.samples();
        int n = seconds == null ? chunk.sampleCount() : (int) Math.min(chunk.sampleCount(), Math.round(seconds * rate));
        if ((long) n * channels > Integer.MAX_VALUE - 8) {
            throw new CommandFailure(1, "the stretch is too long to assess at once (" + n + " samples x " + channels
                    + " channels); give --seconds");
        }
        double[] samples = new double[n * channels];
        chunk.copyOfRange(0, n).copyTo(samples, 0);
        List<ChannelInfo> info = signal.info().channels();
        boolean positioned = SignalSteps.positioned(info);
        List<ChannelQuality> quality = SignalSteps.quality(samples, channels, rate, info, lineHz, thresholds);
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            for (ChannelQuality q : quality) {
                json.printLine(out, ChannelRow.of(q, label(info, q.channel())));
            }
            json.printLine(out, new ThresholdsRow(Limits.of(thresholds)));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s, stream '%s': %d channels, %.1f s at %s Hz, neighbours by %s%n", in,
                signal.info().name(), channels, n / rate, Numbers.plain(rate), positioned ? "position" : "index");
        Table table = new Table("CH", "LABEL", "RMS µV", "FLAT %", "CLIP %", "DEV z", "MAINS %", "HF z", "NEIGH r",
                "VERDICT");
        for (ChannelQuality q : quality) {
            table.row(Integer.toString(q.channel() + 1), label(info, q.channel()), fixed(q.rmsMicrovolts(), 1),
                    fixed(100 * q.flatFraction(), 1), fixed(100 * q.clippedFraction(), 1), fixed(q.deviationZ(), 1),
                    fixed(100 * q.lineNoiseRatio(), 1), fixed(q.highFrequencyZ(), 1),
                    fixed(q.neighbourCorrelation(), 2), q.isBad() ? "BAD: " + String.join("; ", q.problems()) : "ok");
        }
        table.print(out, "");
        long bad = quality.stream().filter(ChannelQuality::isBad).count();
        out.printf(Locale.ROOT, "%d of %d channels bad: %s%n", bad, channels, quality.stream()
                .filter(ChannelQuality::isBad).map(q -> label(info, q.channel())).toList());
        out.printf(Locale.ROOT, "thresholds: RMS < %s µV or > %s%% repeated = flat; > %s%% at extremes = clipping; "
                + "|deviation z| > %s; mains > %s%% of 1-200 Hz or mains z > %s; HF z > %s; neighbour r < %s%n",
                Numbers.plain(thresholds.minRmsMicrovolts()), Numbers.plain(100 * thresholds.maxFlatFraction()),
                Numbers.plain(100 * thresholds.maxClippedFraction()), Numbers.plain(thresholds.maxDeviationZ()),
                Numbers.plain(100 * thresholds.maxLineNoiseRatio()), Numbers.plain(thresholds.maxLineNoiseZ()),
                Numbers.plain(thresholds.maxHighFrequencyZ()), Numbers.plain(thresholds.minNeighbourCorrelation()));
        out.flush();
        return 0;
    }

    private static String label(List<ChannelInfo> info, int channel) {
        return channel < info.size() && !info.get(channel).label().isEmpty() ? info.get(channel).label()
                : Integer.toString(channel + 1);
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
