package org.naoyu.datasets.bci2000;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A BCI2000 {@code .dat} file as read.
 *
 * @param rawSamples  sample-major raw values, {@code channelNames.size()} per sample
 * @param gains       µV per raw unit, per channel ({@code SourceChGain})
 * @param offsets     raw offset per channel ({@code SourceChOffset})
 * @param stateValues per state name, its value at every sample
 */
public record Bci2000Recording(
        Path path,
        String version,
        double samplingRateHz,
        List<String> channelNames,
        double[] rawSamples,
        double[] gains,
        double[] offsets,
        Map<String, Bci2000Parameter> parameters,
        List<Bci2000State> states,
        Map<String, long[]> stateValues) {

    public Bci2000Recording {
        channelNames = List.copyOf(channelNames);
        parameters = Map.copyOf(parameters);
        states = List.copyOf(states);
        stateValues = Map.copyOf(stateValues);
    }

    public int sampleCount() {
        return rawSamples.length / channelNames.size();
    }

    /** Channel {@code c} of sample {@code s} in µV: (raw − offset) × gain. */
    public double microvolts(int s, int c) {
        return (rawSamples[s * channelNames.size() + c] - offsets[c]) * gains[c];
    }

    /** The samples where a state goes from 0 to a value above 0 (stimulus onsets), with that value. */
    public List<long[]> onsets(String state) {
        long[] values = stateValues.get(state);
        if (values == null) {
            throw new IllegalArgumentException("state must be one of " + stateValues.keySet() + ", got '" + state + "'");
        }
        List<long[]> onsets = new java.util.ArrayList<>();
        for (int s = 0; s < values.length; s++) {
            if (values[s] > 0 && (s == 0 || values[s - 1] == 0)) {
                onsets.add(new long[] {s, values[s]});
            }
        }
        return onsets;
    }
}
