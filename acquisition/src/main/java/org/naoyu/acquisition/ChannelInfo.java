package org.naoyu.acquisition;

import java.util.Optional;

/**
 * Metadata of one channel, from {@code <desc><channels><channel>} of the stream info (XDF channel metadata
 * conventions: {@code label}, {@code unit}, {@code type}, {@code location}).
 *
 * @param label    the channel's name, e.g. {@code "G1"} or {@code "Fz"}; may be empty, never null
 * @param unit     the unit of its values, e.g. {@code "microvolts"} or {@code "µV"}; may be empty
 * @param type     the kind of signal, e.g. {@code "ECOG"}, {@code "EEG"}; may be empty
 * @param position where it is, or {@code null} when unknown
 */
public record ChannelInfo(String label, String unit, String type, ChannelPosition position) {
    public ChannelInfo {
        Checks.text("label", label);
        Checks.text("unit", unit);
        Checks.text("type", type);
    }

    /** A channel known only by its label. */
    public static ChannelInfo labelled(String label) {
        return new ChannelInfo(label, "", "", null);
    }

    public Optional<ChannelPosition> optionalPosition() {
        return Optional.ofNullable(position);
    }
}
