package org.naoyu.speller.cli.options;

import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.speller.support.Numbers;
import picocli.CommandLine.Option;

/**
 * The simulated participant's signal: {@code --channels}, {@code --rate}, {@code --snr}. Each command that simulates
 * creates this mixin with its own defaults (the demo a small grid at high SNR, simulate and bench the full 256-ch
 * grid at 2 kHz); values are checked here against the simulator's ranges so a refusal names the flag.
 */
public final class SimulatedSignalOptions {
    @Option(names = "--channels", paramLabel = "N",
            description = "Simulated electrodes, in [8, 1024], on the squarest grid (default ${DEFAULT-VALUE}; 64 is "
                    + "8x8, 256 is 16x16).")
    int channels;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "Simulated sampling rate, in [250, 10000] Hz (default ${DEFAULT-VALUE}).")
    double rateHz;

    @Option(names = "--snr", paramLabel = "X",
            description = "Speech high-gamma amplitude over background high-gamma at a fully engaged electrode, in "
                    + "[0, 20] (default ${DEFAULT-VALUE}); lower is harder.")
    double snr;

    /** For picocli; commands create the mixin with their defaults. */
    public SimulatedSignalOptions() {
        this(256, 2000, 2.5);
    }

    public SimulatedSignalOptions(int channels, double rateHz, double snr) {
        this.channels = channels;
        this.rateHz = rateHz;
        this.snr = snr;
    }

    public int channels() {
        if (channels < ElectrodeGrid.MIN_CHANNELS || channels > ElectrodeGrid.MAX_CHANNELS) {
            throw new IllegalArgumentException("--channels must be in [" + ElectrodeGrid.MIN_CHANNELS + ", "
                    + ElectrodeGrid.MAX_CHANNELS + "], got " + channels);
        }
        return channels;
    }

    public double rateHz() {
        return inRange("--rate", rateHz, SimulatorConfig.MIN_SAMPLE_RATE_HZ, SimulatorConfig.MAX_SAMPLE_RATE_HZ);
    }

    public double snr() {
        return inRange("--snr", snr, 0, SimulatorConfig.MAX_SNR);
    }

    /** {@code value} if it lies in [low, high], else a refusal naming {@code flag}. */
    public static double inRange(String flag, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(flag + " must be in [" + Numbers.plain(low) + ", "
                    + Numbers.plain(high) + "], got " + Numbers.plain(value));
        }
        return value;
    }
}
