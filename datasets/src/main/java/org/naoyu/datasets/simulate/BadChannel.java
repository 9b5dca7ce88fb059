package org.naoyu.datasets.simulate;

import java.util.Locale;

/** A channel the simulator spoils on purpose, as real grids have: a broken contact, a saturated input, a noisy one. */
public record BadChannel(int channel, Kind kind) {

    /** How a channel is bad. */
    public enum Kind {
        /** A constant value: a broken lead or a disconnected contact. */
        FLAT,
        /** Stuck at the amplifier's rail, ±{@value EcogSimulator#RAIL_MICROVOLTS} µV. */
        RAILED,
        /** Ten times the broadband background and eight times the line noise: a poor contact. */
        NOISY;

        public static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad channel kind must be flat, railed or noisy, got '" + text + "'");
            }
        }
    }

    public BadChannel {
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0, got " + channel);
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
    }

    /** {@code LABEL:KIND}, e.g. {@code G017:flat}, on a grid. */
    public String describe(ElectrodeGrid grid) {
        return grid.label(channel) + ":" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code G017:flat} (or a 1-based channel number, {@code 17:flat}) for a grid. */
    public static BadChannel parse(String text, ElectrodeGrid grid) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a bad channel must be CHANNEL:KIND such as G017:flat, got '" + text + "'");
        }
        int channel = grid.indexOf(parts[0].trim());
        if (channel < 0 && parts[0].trim().matches("\\d{1,5}")) {
            channel = Integer.parseInt(parts[0].trim()) - 1;
        }
        if (channel < 0 || channel >= grid.channelCount()) {
            throw new IllegalArgumentException("bad channel '" + parts[0].trim() + "' is not on the grid: use a label "
                    + grid.label(0) + "…" + grid.label(grid.channelCount() - 1) + " or a number 1…"
                    + grid.channelCount());
        }
        return new BadChannel(channel, Kind.parse(parts[1]));
    }
}
