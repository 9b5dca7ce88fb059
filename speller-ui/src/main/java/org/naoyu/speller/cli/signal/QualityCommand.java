package org.naoyu.speller.cli.signal;
import org.naoyu.speller.cli.options.Table;
import org.naoyu.speller.signal.SignalSteps;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.support.Json;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.FlagNames;
import org.naoyu.speller.support.CommandFailure;

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

    @Option(names = "--json", description = "One JSON object per channel instead of the table.")
    boolean json;

    @Option(names = "--min-rms", paramLabel = "UV", defaultValue = "0.5", description = "Flat below this RMS "
            + "(default ${DEFAULT-VALUE} µV).")
    double minRms;

    @Option(names = "--max-flat", defaultValue = "0.5", description = "Flat above this share of repeated values "
            + "(default ${DEFAULT-VALUE}).")
    double maxFlat;

    @Option(names = "--max-clipped", defaultValue = "0.01", description = "Clipping above this share of samples at "
            + "the extremes (default ${DEFAULT-VALUE}).")
    double maxClipped;

    @Option(names = "--max-deviation", defaultValue = "5", description = "Amplitude robust z above this "
            + "(default ${DEFAULT-VALUE}).")
    double maxDeviation;

    @Option(names = "--max-line-noise", defaultValue = "0.9", description = "Mains share of 1-200 Hz power above "
            + "this (default ${DEFAULT-VALUE}).")
    double maxLine;

    @Option(names = "--max-line-z", defaultValue = "5", description = "Mains share robust z above this, against the "
            + "other channels (default ${DEFAULT-VALUE}).")
    double maxLineZ;

    @Option(names = "--max-hf", defaultValue = "5", description = "High-frequency share robust z above this "
            + "(default ${DEFAULT-VALUE}).")
    double maxHighFrequency;

    @Option(names = "--min-correlation", defaultValue = "0.3", description = "Median neighbour correlation below "
            + "this (default ${DEFAULT-VALUE}).")
    double minCorrelation;

    @Spec
    CommandSpec spec;

    /** The threshold record's field names as the user typed them. */
    private static final java.util.Map<String, String> FLAG_NAMES = java.util.Map.of(
            "minRmsMicrovolts", "--min-rms", "maxFlatFraction", "--max-flat", "maxClippedFraction", "--max-clipped",
            "maxDeviationZ", "--max-deviation", "maxLineNoiseRatio", "--max-line-noise", "maxLineNoiseZ", "--max-line-z",
            "maxHighFrequencyZ", "--max-hf", "minNeighbourCorrelation", "--min-correlation");

    @Override
    public Integer call() throws Exception {
        return FlagNames.run(FLAG_NAMES, this::assess);
    }

    private Integer assess() throws Exception {
        if (seconds != null && !(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
        }
        if (lineHz != 50 && lineHz != 60) {
            throw new IllegalArgumentException("--line must be 50 or 60, got " + Json.number(lineHz));
        }
        QualityThresholds thresholds = new QualityThresholds(minRms, maxFlat, maxClipped, maxDeviation, maxLine,
                maxLineZ, maxHighFrequency, minCorrelation);
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
        if (json) {
            for (ChannelQuality q : quality) {
                out.println("{\"channel\":" + q.channel() + ",\"label\":" + Json.string(label(info, q.channel()))
                        + ",\"rms_uv\":" + Json.number(q.rmsMicrovolts()) + ",\"flat\":" + Json.number(q.flatFraction())
                        + ",\"clipped\":" + Json.number(q.clippedFraction()) + ",\"deviation_z\":"
                        + Json.number(q.deviationZ()) + ",\"line_ratio\":" + Json.number(q.lineNoiseRatio())
                        + ",\"line_z\":" + Json.number(q.lineNoiseZ())
                        + ",\"hf_ratio\":" + Json.number(q.highFrequencyRatio()) + ",\"hf_z\":"
                        + Json.number(q.highFrequencyZ()) + ",\"neighbour_r\":" + Json.number(q.neighbourCorrelation())
                        + ",\"bad\":" + q.isBad() + ",\"problems\":[" + String.join(",", q.problems().stream()
                        .map(Json::string).toList()) + "]}");
            }
            out.println("{\"thresholds\":{\"min_rms_uv\":" + Json.number(minRms) + ",\"max_flat\":"
                    + Json.number(maxFlat) + ",\"max_clipped\":" + Json.number(maxClipped) + ",\"max_deviation_z\":"
                    + Json.number(maxDeviation) + ",\"max_line_ratio\":" + Json.number(maxLine) + ",\"max_line_z\":"
                    + Json.number(maxLineZ) + ",\"max_hf_z\":" + Json.number(maxHighFrequency)
                    + ",\"min_neighbour_r\":" + Json.number(minCorrelation) + "}}");
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s, stream '%s': %d channels, %.1f s at %s Hz, neighbours by %s%n", in,
                signal.info().name(), channels, n / rate, Json.number(rate), positioned ? "position" : "index");
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
                Json.number(minRms), Json.number(100 * maxFlat), Json.number(100 * maxClipped),
                Json.number(maxDeviation), Json.number(100 * maxLine), Json.number(maxLineZ), Json.number(maxHighFrequency),
                Json.number(minCorrelation));
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
