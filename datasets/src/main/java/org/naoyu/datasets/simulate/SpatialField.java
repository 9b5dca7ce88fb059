package org.naoyu.datasets.simulate;

import java.util.function.Supplier;

/**
 * Spatially correlated noise over a grid: independent sources on a lattice of every second electrode, each mixed into
 * the electrodes around it with a Gaussian kernel (σ = 2 electrode pitches, 8 mm on a 4 mm grid, cut at 3σ), so the
 * correlation between two electrodes falls with their distance as in ECoG recordings (correlation lengths of a
 * centimetre or less in the high-gamma band, Muller et al. 2016, J. Neural Eng. 13:056013). Each electrode's weights
 * have unit sum of squares: the field has unit variance everywhere.
 */
final class SpatialField {
    private static final double SIGMA_PITCHES = 2.0;

    private final PowerLawShaper[] sources;
    private final int[][] sourceIndex;
    private final double[][] sourceWeight;
    private final double[][] buffer;

    SpatialField(ElectrodeGrid grid, Supplier<PowerLawShaper> shaper) {
        int latentRows = (grid.rows() + 1) / 2;
        int latentColumns = (grid.columns() + 1) / 2;
        int count = latentRows * latentColumns;
        sources = new PowerLawShaper[count];
        buffer = new double[count][];
        for (int s = 0; s < count; s++) {
            sources[s] = shaper.get();
        }
        int channels = grid.channelCount();
        sourceIndex = new int[channels][];
        sourceWeight = new double[channels][];
        double cut = 3 * SIGMA_PITCHES;
        for (int c = 0; c < channels; c++) {
            int[] index = new int[count];
            double[] weight = new double[count];
            int used = 0;
            double sumSquares = 0;
            for (int s = 0; s < count; s++) {
                double dr = grid.row(c) - (2 * (s / latentColumns) + 0.5);
                double dc = grid.column(c) - (2 * (s % latentColumns) + 0.5);
                double distance = StrictMath.sqrt(dr * dr + dc * dc);
                if (distance <= cut) {
                    double w = StrictMath.exp(-0.5 * distance * distance / (SIGMA_PITCHES * SIGMA_PITCHES));
                    index[used] = s;
                    weight[used++] = w;
                    sumSquares += w * w;
                }
            }
            double norm = 1 / StrictMath.sqrt(sumSquares);
            sourceIndex[c] = java.util.Arrays.copyOf(index, used);
            sourceWeight[c] = java.util.Arrays.copyOf(weight, used);
            for (int k = 0; k < used; k++) {
                sourceWeight[c][k] *= norm;
            }
        }
    }

    /** Draws the next {@code length} samples of every source. */
    void advance(int length, SimRandom random) {
        for (int s = 0; s < sources.length; s++) {
            if (buffer[s] == null || buffer[s].length < length) {
                buffer[s] = new double[StrictMath.max(length, 256)];
            }
            double[] b = buffer[s];
            PowerLawShaper source = sources[s];
            for (int n = 0; n < length; n++) {
                b[n] = source.next(random.nextGaussian());
            }
        }
    }

    /** Sets {@code x[0, length)} to {@code scale} times the field at channel {@code c}. */
    void mixInto(int c, double scale, double[] x, int length) {
        int[] index = sourceIndex[c];
        double[] weight = sourceWeight[c];
        java.util.Arrays.fill(x, 0, length, 0);
        for (int k = 0; k < index.length; k++) {
            double[] b = buffer[index[k]];
            double w = scale * weight[k];
            for (int n = 0; n < length; n++) {
                x[n] += w * b[n];
            }
        }
    }
}
