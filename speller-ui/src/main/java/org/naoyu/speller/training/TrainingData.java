package org.naoyu.speller.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.datasets.RecordedEvent;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.Epochs;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.dsp.ChannelQuality;
import org.naoyu.dsp.FeatureChain;
import org.naoyu.dsp.FeatureConfig;
import org.naoyu.dsp.QualityThresholds;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.signal.SignalSteps;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.Numbers;

/**
 * A recording turned into decoder epochs exactly as a live session would see it: bad channels found by the quality
 * check on its first minute, the causal feature chain, epochs cut at its task markers.
 */
public final class TrainingData {

    /** One file's contribution. */
    public record FileEpochs(Path file, String sha256, List<String> channels, double sampleRateHz, FeatureConfig config,
            List<Integer> badChannels, FrameSeries series, Epochs.Result epochs) {
    }

    private TrainingData() {
    }

    /**
     * @param base the feature config to use (a model's), or null for the defaults at the file's rate; the file's own
     *             bad channels are put into it either way
     */
    public static FileEpochs load(Path file, FeatureConfig base, EpochConfig epochConfig) throws IOException {
        Recording recording = RecordingFiles.open(file);
        RecordedStream signal = RecordingFiles.signal(recording, null);
        double rate = signal.info().nominalRateHz();
        int channels = signal.info().channelCount();
        Chunk chunk = signal.samples();
        if ((long) chunk.sampleCount() * channels > Integer.MAX_VALUE - 8) {
            throw new CommandFailure(1, file + ": too long to train from in one piece; cut it first");
        }
        List<String> labels = signal.info().channels().isEmpty() ? numbered(channels)
                : signal.info().channels().stream().map(ChannelInfo::label).toList();
        List<Integer> bad = badChannels(chunk, channels, rate, signal.info().channels());
        FeatureConfig config = (base != null ? base : FeatureConfig.defaults(rate)).withBadChannels(bad);
        if (config.sampleRateHz() != rate) {
            throw new CommandFailure(1, file + ": sampled at " + Numbers.plain(rate) + " Hz, but the model's features are "
                    + "for " + Numbers.plain(config.sampleRateHz()) + " Hz");
        }
        SignalSteps.Frames frames = SignalSteps.causalFrames(new FeatureChain(config, channels), chunk, rate);
        int width = channels * config.features().size();
        List<TaskEvent> events = new ArrayList<>();
        for (RecordedEvent event : recording.events()) {
            events.add(TaskEvent.parse(event.timeSeconds(), event.label()));
        }
        FrameSeries series = new FrameSeries(frames.times(), frames.values(), width, config.frameRateHz(), events);
        Epochs.Result epochs = Epochs.extract(frames.times(), frames.values(), width, config.frameRateHz(), events,
                epochConfig);
        return new FileEpochs(file, sha256(file), labels, rate, config, bad, series, epochs);
    }

    /** The channels that look bad in the recording's first minute, as a live session checks its start. */
    private static List<Integer> badChannels(Chunk chunk, int channels, double rate, List<ChannelInfo> info) {
        int n = (int) Math.min(chunk.sampleCount(), Math.round(60 * rate));
        if (n < 2 * rate || channels < 2) {
            return List.of();
        }
        double[] firstMinute = new double[n * channels];
        chunk.copyTo(0, n, firstMinute, 0);
        List<ChannelQuality> quality = SignalSteps.quality(firstMinute, channels, rate, info, 50,
                QualityThresholds.DEFAULT);
        List<Integer> bad = quality.stream().filter(ChannelQuality::isBad).map(ChannelQuality::channel).toList();
        return bad.size() <= channels - 2 ? bad : List.of(); // an average needs two good channels
    }

    private static List<String> numbered(int channels) {
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= channels; c++) {
            labels.add(Integer.toString(c));
        }
        return labels;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
