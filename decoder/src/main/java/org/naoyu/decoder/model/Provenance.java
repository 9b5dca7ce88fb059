package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.onset.OnsetSpec;
import org.naoyu.dsp.FeatureConfig;

/**
 * Where a model came from and what it expects, stored beside its weights: the feature config it was trained with,
 * the channels in order, the epoch window, the syllables it knows, the data (file names and SHA-256), the seed, its
 * metrics and the library versions. A model refuses a stream that differs, saying how ({@link #mismatches}).
 *
 * @param format        {@code naoyu-model/1}
 * @param kind          network or linear
 * @param featureConfig the exact dsp configuration of its inputs
 * @param channels      channel labels in input order
 * @param epochConfig   the window each decision reads
 * @param inventory     toned syllables it was trained on
 * @param data          the training data
 * @param seed          the training seed
 * @param metrics       named results (validation and test accuracies)
 * @param versions      naoyu, DL4J, Java
 * @param recipe        how it was trained (trainer settings, validation share), or null when not recorded
 * @param onset         the speech-onset detector stored beside the decoder, or null when there is none
 */
public record Provenance(String format, TrainedModel.Kind kind, FeatureConfig featureConfig, List<String> channels,
        EpochConfig epochConfig, List<String> inventory, List<DataFile> data, long seed, Map<String, Double> metrics,
        Map<String, String> versions, TrainingRecipe recipe, OnsetSpec onset) {

    public static final String FORMAT = "naoyu-model/1";

    /** The same provenance with an onset detector's spec. */
    public Provenance withOnset(OnsetSpec spec) {
        return new Provenance(format, kind, featureConfig, channels, epochConfig, inventory, data, seed, metrics,
                versions, recipe, spec);
    }

    /** One training file: its name (no directories: they may hold identifiers), SHA-256 and epochs taken. */
    public record DataFile(String name, String sha256, int epochs) {
    }

    public Provenance {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("model format must be " + FORMAT + ", got '" + format + "'");
        }
        if (kind == null || featureConfig == null || epochConfig == null) {
            throw new IllegalArgumentException("kind, featureConfig and epochConfig must be present");
        }
        channels = List.copyOf(channels);
        inventory = List.copyOf(inventory);
        data = List.copyOf(data == null ? List.of() : data);
        metrics = Map.copyOf(metrics == null ? Map.of() : metrics);
        versions = Map.copyOf(versions == null ? Map.of() : versions);
        if (recipe != null && recipe.kind() != kind) {
            throw new IllegalArgumentException("the recipe trains a " + recipe.kind() + " model, the model is " + kind);
        }
    }

    /**
     * How a stream differs from what the model expects; empty when it fits. Channel labels are compared in order
     * (a grid plugged in rotated is a different montage); rates and the feature config must be equal, except for the
     * bad channels, which each session marks for itself.
     */
    public List<String> mismatches(List<String> streamChannels, double sampleRateHz, FeatureConfig streamConfig) {
        List<String> problems = new ArrayList<>();
        if (streamChannels.size() != channels.size()) {
            problems.add("channels: the model takes " + channels.size() + ", the stream has " + streamChannels.size());
        } else {
            for (int c = 0; c < channels.size(); c++) {
                if (!channels.get(c).equals(streamChannels.get(c))) {
                    problems.add("channel " + (c + 1) + ": the model expects '" + channels.get(c) + "', the stream has '"
                            + streamChannels.get(c) + "'");
                    if (problems.size() >= 5) {
                        problems.add("(further channel differences not listed)");
                        break;
                    }
                }
            }
        }
        if (sampleRateHz != featureConfig.sampleRateHz()) {
            problems.add("sampling rate: the model was trained at " + featureConfig.sampleRateHz() + " Hz, the stream is "
                    + sampleRateHz + " Hz");
        }
        // bad channels belong to a session, not to the model: compare everything else
        if (streamConfig != null
                && !streamConfig.withBadChannels(List.of()).equals(featureConfig.withBadChannels(List.of()))) {
            problems.add("feature config: the model's is " + featureConfig.toJson().replaceAll("\\s+", " ")
                    + ", the session's is " + streamConfig.toJson().replaceAll("\\s+", " "));
        }
        return problems;
    }
}
