package org.naoyu.datasets.simulate;

/**
 * Alpha (8.5–11.5 Hz) and beta (16–26 Hz) rhythms: three narrow-band sources each (resonators driven by white noise,
 * so they wax and wane), each spread over the grid as a broad Gaussian patch. Both desynchronise while the participant
 * speaks (event-related desynchronisation of the sensorimotor rhythms, Crone et al. 1998, Brain 121:2271): their
 * amplitude drops by {@code depth} × the articulators' summed engagement.
 */
final class Rhythms {
    private static final int SOURCES_PER_RHYTHM = 3;

    private final Biquad[] sources;
    private final double[] sourceScale;
    /** amplitude[source][channel], µV. */
    private final double[][] amplitude;
    private final double[][] buffer;

    Rhythms(ElectrodeGrid grid, double rate, double alphaMicrovolts, double betaMicrovolts, SimRandom random) {
        int rhythms = (alphaMicrovolts > 0 ? 1 : 0) + (betaMicrovolts > 0 ? 1 : 0);
        int count = rhythms * SOURCES_PER_RHYTHM;
        sources = new Biquad[count];
        sourceScale = new double[count];
        amplitude = new double[count][grid.channelCount()];
        buffer = new double[count][256];
        int s = 0;
        for (int rhythm = 0; rhythm < 2; rhythm++) {
            double microvolts = rhythm == 0 ? alphaMicrovolts : betaMicrovolts;
            if (microvolts <= 0) {
                continue;
            }
            double[] sumSquares = new double[grid.channelCount()];
            int first = s;
            for (int k = 0; k < SOURCES_PER_RHYTHM; k++, s++) {
                double centre = rhythm == 0 ? random.uniform(8.5, 11.5) : random.uniform(16, 26);
                double bandwidth = rhythm == 0 ? 2 : 5;
                Biquad resonator = Biquad.resonator(centre, bandwidth, rate);
                sources[s] = resonator;
                sourceScale[s] = 1 / StrictMath.sqrt(Responses.variance(resonator::powerGain));
                double dv = random.nextDouble();
                double ap = random.nextDouble();
                for (int c = 0; c < grid.channelCount(); c++) {
                    double a = (grid.dorsoVentral(c) - dv) / 0.35;
                    double b = (grid.anteroPosterior(c) - ap) / 0.35;
                    amplitude[s][c] = StrictMath.exp(-0.5 * (a * a + b * b));
                    sumSquares[c] += amplitude[s][c] * amplitude[s][c];
                }
            }
            double mean = 0;
            for (double v : sumSquares) {
                mean += v / sumSquares.length;
            }
            double norm = microvolts / StrictMath.sqrt(mean); // the rhythm's RMS over the grid is `microvolts`
            for (int k = first; k < s; k++) {
                for (int c = 0; c < grid.channelCount(); c++) {
                    amplitude[k][c] *= norm;
                }
            }
        }
    }

    /** Draws the next samples of every source, damped by {@code depth · engagement[n]}. */
    void advance(int length, SimRandom random, double[] engagement, double depth) {
        for (int s = 0; s < sources.length; s++) {
            if (buffer[s].length < length) {
                buffer[s] = new double[length];
            }
            double[] b = buffer[s];
            Biquad source = sources[s];
            double scale = sourceScale[s];
            for (int n = 0; n < length; n++) {
                b[n] = source.next(random.nextGaussian()) * scale * (1 - depth * engagement[n]);
            }
        }
    }

    void addTo(int c, double[] x, int length) {
        for (int s = 0; s < sources.length; s++) {
            double a = amplitude[s][c];
            double[] b = buffer[s];
            for (int n = 0; n < length; n++) {
                x[n] += a * b[n];
            }
        }
    }
}
