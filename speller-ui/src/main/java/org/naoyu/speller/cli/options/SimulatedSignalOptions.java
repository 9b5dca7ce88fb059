package org.naoyu.speller.cli.options;

import java.util.Map;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.speller.support.Numbers;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The simulated participant's signal: {@code --channels}, {@code --rate}, {@code --snr}. Each command that simulates
 * gives its own defaults through a {@link Defaults} (the demo a small grid at high SNR, simulate the full 256-ch grid
 * at 2 kHz); values are checked here against the simulator's ranges so a refusal names the flag.
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

    /**
     * A command's defaults for these options, as picocli's default provider for that command
     * ({@code @Command(defaultValueProvider = …)}): the help then shows them as typed ({@code 2000}, not 2000.0).
     */
    public abstract static class Defaults implements IDefaultValueProvider {
        private final Map<String, String> values;

        protected Defaults(int channels, String rateHz, String snr) {
            values = Map.of("--channels", Integer.toString(channels), "--rate", rateHz, "--snr", snr);
        }

        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option ? values.get(option.longestName()) : null;
        }
    }

    /**
     * The simulated participant as {@code naoyu simulate} makes it unless told otherwise, and as
     * {@code naoyu ideal-observer} bounds it: the 256-channel grid at 2 kHz, SNR 2.5.
     */
    public static final class ParticipantDefaults extends Defaults {
        public ParticipantDefaults() {
            super(256, "2000", "2.5");
        }
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
