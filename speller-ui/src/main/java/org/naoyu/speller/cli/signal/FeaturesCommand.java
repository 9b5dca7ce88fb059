package org.naoyu.speller.cli.signal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.npy.NpyWriter;
import org.naoyu.dsp.FeatureChain;
import org.naoyu.dsp.FeatureConfig;
import org.naoyu.dsp.OfflineFeatures;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.signal.SignalSteps;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.JsonText;
import org.naoyu.speller.support.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu features IN --out OUT.npy}: the feature matrix of a recording, causal or zero phase. */
@Command(name = "features",
        description = "Compute feature frames (default: the Chang-lab high-gamma envelope at 100 frames/s, z-scored) "
                + "for a recording's signal stream and write them as a NumPy .npy array (frames x channels x features, "
                + "float32) with a JSON side-car (timestamps, channel names, the exact config).")
public final class FeaturesCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "IN", description = "The recording (XDF, EDF/BDF, GDF, BCI2000).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.npy", description = "The array to write; the "
            + "side-car goes beside it as OUT.json.")
    Path out;

    @Option(names = "--stream", paramLabel = "NAME", description = "The stream (default: the one with most channels).")
    String stream;

    @Option(names = "--config", paramLabel = "FILE.json", description = "A feature config (as written in a side-car "
            + "or by a model); default: high gamma for the stream's rate, 50 Hz notches.")
    Path configFile;

    @Option(names = "--offline", description = "Zero-phase filters and exact Gaussian bands (for analysis and "
            + "training) instead of the causal chain a live session runs.")
    boolean offline;

    @Spec
    CommandSpec spec;

    /** A config file, or a side-car of an earlier run (its "config" member), so a run can be repeated exactly. */
    private static FeatureConfig readConfig(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(1, "no such file: " + file);
        }
        String text = Files.readString(file);
        try {
            com.fasterxml.jackson.databind.JsonNode node = JsonText.mapper().readTree(text);
            if (node != null && node.has("config")) {
                text = JsonText.mapper().writeValueAsString(node.get("config"));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // FeatureConfig.fromJson names what is wrong
        }
        try {
            return FeatureConfig.fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(1, file + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("--out must end in .npy, got " + out);
        }
        Path sidecar = out.resolveSibling(out.getFileName().toString().replaceAll("\\.npy$", ".json"));
        for (Path target : List.of(out, sidecar)) {
            if (Files.exists(target)) {
                throw new CommandFailure(1, "refusing to overwrite " + target + "; choose another --out");
            }
        }
        Recording recording = RecordingFiles.open(in);
        RecordedStream signal = RecordingFiles.signal(recording, stream);
        double rate = signal.info().nominalRateHz();
        FeatureConfig config = configFile != null ? readConfig(configFile) : FeatureConfig.defaults(rate);
        if (Math.abs(config.sampleRateHz() - rate) > 1e-9 * rate) {
            throw new CommandFailure(1, "the config is for " + Numbers.plain(config.sampleRateHz()) + " Hz but stream '"
                    + signal.info().name() + "' is sampled at " + Numbers.plain(rate) + " Hz");
        }
        int channels = signal.info().channelCount();
        Chunk chunk = signal.samples();
        if (chunk.sampleCount() == 0) {
            throw new CommandFailure(1, "stream '" + signal.info().name() + "' has no samples");
        }
        if ((long) chunk.sampleCount() * channels > Integer.MAX_VALUE - 8) {
            throw new CommandFailure(1, "stream '" + signal.info().name() + "' is too long to process in one go ("
                    + chunk.sampleCount() + " samples x " + channels + " channels); cut it first (naoyu convert)");
        }
        if (config.zscore().mode() == org.naoyu.dsp.ZScore.Mode.FROZEN) {
            throw new CommandFailure(1, "the config freezes its z-scores, but frozen statistics live with a model, not "
                    + "in a feature config; use a config with z-score mode NONE, EXPONENTIAL or SLIDING");
        }
        double first = chunk.timestamps()[0];
        long start = System.nanoTime();
        double[] timestamps;
        float[] values;
        int frames;
        int features = config.features().size();
        if (offline) {
            double[] samples = new double[chunk.sampleCount() * channels];
            chunk.copyTo(samples, 0);
            OfflineFeatures.Result result = OfflineFeatures.compute(samples, channels, first, config, null, null);
            timestamps = result.timestamps();
            frames = timestamps.length;
            values = new float[frames * channels * features];
            for (int k = 0; k < frames; k++) {
                for (int i = 0; i < channels * features; i++) {
                    values[k * channels * features + i] = (float) result.values()[k][i];
                }
            }
        } else {
            SignalSteps.Frames causal = SignalSteps.causalFrames(new FeatureChain(config, channels), chunk, rate);
            timestamps = causal.times();
            values = causal.values();
            frames = timestamps.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        NpyWriter.writeFloat32(out, new int[] {frames, channels, features}, values);
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("source", in.getFileName().toString());
        side.put("stream", signal.info().name());
        side.put("mode", offline ? "offline (zero phase)" : "causal (as online)");
        side.put("shape", List.of(frames, channels, features));
        side.put("axes", List.of("frame", "channel", "feature"));
        side.put("features", config.featureNames());
        side.put("channels", signal.info().channels().isEmpty() ? null
                : signal.info().channels().stream().map(ChannelInfo::label).toList());
        side.put("timestamps", timestamps);
        side.put("config", JsonText.mapper().readTree(config.toJson()));
        if (!offline) {
            Map<String, Double> delays = new LinkedHashMap<>();
            new FeatureChain(config, channels).delays().forEach(d -> delays.put(d.stage(), d.delayMs()));
            side.put("delays_ms", delays);
        }
        Files.writeString(sidecar, JsonText.indented(side), java.nio.file.StandardOpenOption.CREATE_NEW);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "wrote %s: %d frames x %d channels x %d feature(s) %s at %s frames/s, %s "
                + "(%.1f s of signal in %.2f s, %.0fx real time); side-car %s%n", out, frames, channels, features,
                config.featureNames(), Numbers.plain(config.frameRateHz()), offline ? "offline" : "causal",
                chunk.sampleCount() / rate, seconds, chunk.sampleCount() / rate / seconds, sidecar);
        printer.flush();
        return 0;
    }
}
