package org.naoyu.speller.cli.options;

import org.naoyu.dsp.QualityThresholds;
import picocli.CommandLine.Option;

/**
 * The channel-quality thresholds as options ({@code --min-rms}, {@code --max-flat}, …), defaulting to
 * {@link QualityThresholds#DEFAULT}'s values. Each value is checked here, so a refusal names the flag the user typed.
 */
public final class QualityThresholdOptions {
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

    /** The thresholds chosen, each checked against the range {@link QualityThresholds} accepts. */
    public QualityThresholds thresholds() {
        positive("--min-rms", minRms);
        fraction("--max-flat", maxFlat);
        fraction("--max-clipped", maxClipped);
        positive("--max-deviation", maxDeviation);
        positive("--max-line-noise", maxLine);
        positive("--max-line-z", maxLineZ);
        positive("--max-hf", maxHighFrequency);
        if (!(minCorrelation >= -1 && minCorrelation <= 1)) {
            throw new IllegalArgumentException("--min-correlation must be in [-1, 1], got " + minCorrelation);
        }
        return new QualityThresholds(minRms, maxFlat, maxClipped, maxDeviation, maxLine, maxLineZ, maxHighFrequency,
                minCorrelation);
    }

    private static void positive(String flag, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(flag + " must be a positive number, got " + value);
        }
    }

    private static void fraction(String flag, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(flag + " must be in (0, 1], got " + value);
        }
    }
}
