package org.naoyu.dsp;

import java.util.List;

/**
 * The quality of one channel over a stretch of recording, and the problems found against {@link QualityThresholds}.
 *
 * @param rmsMicrovolts        standard deviation of the signal
 * @param flatFraction         share of consecutive samples that repeat the previous value exactly
 * @param clippedFraction      share of samples at the channel's minimum or maximum value (railed or saturated)
 * @param deviationZ           robust z-score of log RMS against all channels
 * @param lineNoiseRatio       power within 1 Hz of the mains frequency and harmonics over power 1-200 Hz
 * @param lineNoiseZ           robust z-score of the log of that share against all channels
 * @param highFrequencyRatio   power above 200 Hz (or 0.4 × the rate, if lower) over all power above 1 Hz
 * @param highFrequencyZ       robust z-score of that share against all channels
 * @param neighbourCorrelation median correlation (1-40 Hz) with the neighbours; NaN without neighbours
 * @param problems             what is wrong, in words; empty for a good channel
 */
public record ChannelQuality(int channel, double rmsMicrovolts, double flatFraction, double clippedFraction,
        double deviationZ, double lineNoiseRatio, double lineNoiseZ, double highFrequencyRatio, double highFrequencyZ,
        double neighbourCorrelation, List<String> problems) {

    public ChannelQuality {
        problems = List.copyOf(problems);
    }

    public boolean isBad() {
        return !problems.isEmpty();
    }
}
