package org.naoyu.dsp;

import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Offline band amplitude, exactly as the Chang lab computes it: the whole signal's spectrum is multiplied by each
 * Gaussian band (positive frequencies doubled, negative ones zeroed — the Hilbert transform), transformed back, and
 * the magnitude of the analytic band signal averaged over the bands. Zero phase; for training and analysis.
 */
public final class BandAmplitude {
    private BandAmplitude() {
    }

    /** Mean over {@code bands} of |analytic band signal| of {@code x} sampled at {@code sampleRateHz}. */
    public static double[] offline(double[] x, List<GaussianBand> bands, double sampleRateHz) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + x[i] + "; offline filtering needs finite "
                        + "samples (interpolate or cut the gap first)");
            }
        }
        double[] spectrum = new double[2 * n];
        for (int i = 0; i < n; i++) {
            spectrum[2 * i] = x[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.complexForward(spectrum);
        double[] mean = new double[n];
        double[] band = new double[2 * n];
        for (GaussianBand b : bands) {
            for (int k = 0; k < n; k++) {
                // numpy's fftfreq: k / n · fs for k < n/2 (rounded up), negative beyond
                double hz = (k < (n + 1) / 2 ? k : k - n) * sampleRateHz / n;
                double h = hz > 0 ? 2 : hz == 0 ? 1 : 0;
                double g = h * Math.exp(-0.5 * Math.pow((Math.abs(hz) - b.centreHz()) / b.sdHz(), 2));
                band[2 * k] = spectrum[2 * k] * g;
                band[2 * k + 1] = spectrum[2 * k + 1] * g;
            }
            fft.complexInverse(band, true);
            for (int i = 0; i < n; i++) {
                mean[i] += Math.hypot(band[2 * i], band[2 * i + 1]) / bands.size();
            }
        }
        return mean;
    }
}
