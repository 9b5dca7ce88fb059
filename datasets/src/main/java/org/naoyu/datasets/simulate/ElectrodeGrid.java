package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.ChannelPosition;

/**
 * A flat ECoG grid: {@code channelCount} electrodes filled row by row into {@code rows × columns} places at
 * {@code pitchMm} centre-to-centre spacing (the last row may be partly empty). Rows run dorsal to ventral along the
 * sensorimotor cortex, columns anterior to posterior. Channel {@code i} sits at row {@code i / columns}.
 */
public record ElectrodeGrid(int rows, int columns, int channelCount, double pitchMm) {
    public static final int MIN_CHANNELS = 8;
    public static final int MAX_CHANNELS = 1024;
    /** The high-density grids of speech neuroprostheses (Chang lab, NeuroXess) space contacts about 4 mm apart. */
    public static final double DEFAULT_PITCH_MM = 4.0;

    public ElectrodeGrid {
        if (channelCount < MIN_CHANNELS || channelCount > MAX_CHANNELS) {
            throw new IllegalArgumentException("channel count must be in [" + MIN_CHANNELS + ", " + MAX_CHANNELS
                    + "], got " + channelCount);
        }
        if (rows < 1 || columns < 1 || (long) rows * columns < channelCount
                || (long) (rows - 1) * columns >= channelCount) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " grid cannot hold exactly "
                    + channelCount + " channels row by row");
        }
        if (!(pitchMm > 0 && pitchMm <= 20)) {
            throw new IllegalArgumentException("pitchMm must be in (0, 20] mm, got " + pitchMm);
        }
    }

    /**
     * The most nearly square grid for a channel count: an exact {@code r × c} with {@code c ≤ 2r} when one exists
     * (256 → 16×16, 128 → 8×16), otherwise {@code ⌈√n⌉} columns with a partial last row.
     */
    public static ElectrodeGrid forChannels(int channelCount) {
        if (channelCount < MIN_CHANNELS || channelCount > MAX_CHANNELS) {
            throw new IllegalArgumentException("channel count must be in [" + MIN_CHANNELS + ", " + MAX_CHANNELS
                    + "], got " + channelCount);
        }
        for (int rows = (int) StrictMath.sqrt(channelCount); rows >= 1; rows--) {
            if (channelCount % rows == 0) {
                int columns = channelCount / rows;
                if (columns <= 2 * rows) {
                    return new ElectrodeGrid(rows, columns, channelCount, DEFAULT_PITCH_MM);
                }
                break;
            }
        }
        int columns = (int) StrictMath.ceil(StrictMath.sqrt(channelCount));
        return new ElectrodeGrid((channelCount + columns - 1) / columns, columns, channelCount, DEFAULT_PITCH_MM);
    }

    /** A full grid from {@code "16x16"}. */
    public static ElectrodeGrid parse(String rowsByColumns) {
        String[] parts = rowsByColumns.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
            throw new IllegalArgumentException("grid must be ROWSxCOLUMNS such as 16x16, got '" + rowsByColumns + "'");
        }
        int rows = Integer.parseInt(parts[0]);
        int columns = Integer.parseInt(parts[1]);
        return new ElectrodeGrid(rows, columns, rows * columns, DEFAULT_PITCH_MM);
    }

    public int row(int channel) {
        return channel / columns;
    }

    public int column(int channel) {
        return channel % columns;
    }

    /** Dorsal (0) to ventral (1) position of a channel, the grid's rows spread over [0, 1]. */
    double dorsoVentral(int channel) {
        return rows == 1 ? 0.5 : row(channel) / (double) (rows - 1);
    }

    /** Anterior (0) to posterior (1) position of a channel. */
    double anteroPosterior(int channel) {
        return columns == 1 ? 0.5 : column(channel) / (double) (columns - 1);
    }

    /** {@code G001} … : numbered from 1, zero-padded to the width of the count so labels sort in grid order. */
    public String label(int channel) {
        int width = Integer.toString(channelCount).length();
        return String.format(Locale.ROOT, "G%0" + width + "d", channel + 1);
    }

    /** Millimetres on the grid: X grows posterior along a row, Y grows dorsal (row 0 is the top), Z = 0. */
    public ChannelPosition position(int channel) {
        return new ChannelPosition(column(channel) * pitchMm, (rows - 1 - row(channel)) * pitchMm, 0);
    }

    /** Every channel's metadata, in µV, of type ECOG, with its position. */
    public List<ChannelInfo> channels() {
        List<ChannelInfo> channels = new ArrayList<>(channelCount);
        for (int c = 0; c < channelCount; c++) {
            channels.add(new ChannelInfo(label(c), "microvolts", "ECOG", position(c)));
        }
        return channels;
    }

    /** The channel with a label, or -1. */
    public int indexOf(String label) {
        for (int c = 0; c < channelCount; c++) {
            if (label(c).equalsIgnoreCase(label)) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return rows + "x" + columns + (rows * columns == channelCount ? "" : " (" + channelCount + " used)")
                + " grid, " + pitchMm + " mm pitch";
    }
}
