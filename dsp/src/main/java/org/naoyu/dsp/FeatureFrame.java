package org.naoyu.dsp;

/**
 * The features of one frame: {@code values[c · features + f]} for channel c and feature f, stamped with the time of the
 * last input sample that went into it.
 */
public record FeatureFrame(double timestamp, int channels, int features, double[] values) {
    public FeatureFrame {
        if (channels < 1 || features < 1 || values.length != channels * features) {
            throw new IllegalArgumentException("a frame of " + channels + " channels x " + features + " features needs "
                    + channels * features + " values, got " + values.length);
        }
        values = values.clone();
    }

    public double value(int channel, int feature) {
        return values[channel * features + feature];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
