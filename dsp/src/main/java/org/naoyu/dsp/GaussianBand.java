package org.naoyu.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One band of a Gaussian filter bank: amplitude response {@code exp(−(f − centre)² / (2·sd²))} over positive
 * frequencies, as the Chang lab's ECoG preprocessing filters before its Hilbert transform (centres on a lattice of
 * seven per octave from 4.0749 Hz, {@code 4.0749286538265 · 2^(j/7)} Hz, standard deviations {@code 0.39·√centre};
 * Edwards' thesis work, used in Bouchard et al. 2013, Moses et al. 2021 and later).
 */
public record GaussianBand(double centreHz, double sdHz) {
    public GaussianBand {
        if (!(centreHz > 0 && centreHz < 1e5)) {
            throw new IllegalArgumentException("centreHz must be in (0, 100000), got " + centreHz);
        }
        if (!(sdHz > 0 && sdHz < centreHz)) {
            throw new IllegalArgumentException("sdHz must be in (0, centreHz = " + centreHz + "), got " + sdHz);
        }
    }

    /** The Chang-lab band at a centre: sd = 0.39 · √centre. */
    public static GaussianBand changLab(double centreHz) {
        return new GaussianBand(centreHz, 0.39 * Math.sqrt(centreHz));
    }

    /** The lowest centre of the lab's lattice (its {@code fq_min}). */
    public static final double CHANG_LAB_BASE_HZ = 4.0749286538265;

    /**
     * The Chang-lab lattice bands whose centres lie in [lowHz, highHz]: for 70–150 Hz the eight high-gamma bands at
     * 72.0, 79.5, 87.8, 96.9, 107.0, 118.1, 130.4 and 144.0 Hz.
     */
    public static List<GaussianBand> changLab(double lowHz, double highHz) {
        List<GaussianBand> bands = new ArrayList<>();
        for (int j = (int) Math.ceil(7 * log2(lowHz / CHANG_LAB_BASE_HZ) - 1e-9);
                j <= 7 * log2(highHz / CHANG_LAB_BASE_HZ) + 1e-9; j++) {
            bands.add(changLab(CHANG_LAB_BASE_HZ * Math.pow(2, j / 7.0)));
        }
        return bands;
    }

    /** A band whose half-power points are {@code lowHz} and {@code highHz} (for classic bands: delta, theta, …). */
    public static GaussianBand halfPower(double lowHz, double highHz) {
        if (!(lowHz >= 0 && lowHz < highHz)) {
            throw new IllegalArgumentException("lowHz must be in [0, highHz), got " + lowHz + " and " + highHz);
        }
        return new GaussianBand((lowHz + highHz) / 2, (highHz - lowHz) / (2 * Math.sqrt(Math.log(2))));
    }

    /** The response at {@code hz} (0 for negative frequencies: the filter is analytic). */
    public double gainAt(double hz) {
        if (hz < 0) {
            return 0;
        }
        double d = (hz - centreHz) / sdHz;
        return Math.exp(-0.5 * d * d);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f Hz ± %.2f", centreHz, sdHz);
    }
}
