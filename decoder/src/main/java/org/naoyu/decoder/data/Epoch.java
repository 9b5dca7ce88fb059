package org.naoyu.decoder.data;

/**
 * One training or test example: {@code frames} consecutive feature frames of {@code width} values each (channels ×
 * features), {@code values[f · width + i]}, locked to an event at {@code lockSeconds}, with its label.
 */
public record Epoch(double lockSeconds, TonedSyllable label, int frames, int width, float[] values) {
    public Epoch {
        if (frames < 1 || width < 1 || values.length != frames * width) {
            throw new IllegalArgumentException("an epoch of " + frames + " frames x " + width + " values needs "
                    + (long) frames * width + " values, got " + values.length);
        }
    }

    public float value(int frame, int index) {
        return values[frame * width + index];
    }
}
