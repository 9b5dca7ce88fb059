package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BandAmplitudeTest {

    @Test
    void changLabBandsAreTheEightHighGammaBands() {
        List<GaussianBand> bands = GaussianBand.changLab(70, 150);
        assertEquals(8, bands.size());
        double[] centres = Golden.vector("band_centres_synthetic");
        for (int b = 0; b < 8; b++) {
            assertEquals(centres[b], bands.get(b).centreHz(), 1e-9);
            assertEquals(0.39 * Math.sqrt(centres[b]), bands.get(b).sdHz(), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void offlineAmplitudeMatchesTheChangLabFormula(String label) {
        double fs = Golden.scalar("rate_" + label);
        List<GaussianBand> bands = new ArrayList<>();
        for (double centre : Golden.vector("band_centres_" + label)) {
            bands.add(GaussianBand.changLab(centre));
        }
        double[] amplitude = BandAmplitude.offline(Golden.vector("signal_" + label), bands, fs);
        Golden.assertClose(Golden.vector("band_amplitude_" + label), amplitude, 1e-9, "band amplitude " + label);
    }

    @Test
    void streamingBandsApproximateTheGaussiansNearTheirCentres() {
        AnalyticBank bank = new AnalyticBank(GaussianBand.changLab(70, 150), 1, 2000);
        for (int b = 0; b < bank.bands().size(); b++) {
            GaussianBand band = bank.bands().get(b);
            assertEquals(1.0, bank.gainAt(b, band.centreHz()), 1e-12, "unit gain at the centre");
            for (double d = -1; d <= 1; d += 0.25) {
                double hz = band.centreHz() + d * band.sdHz();
                assertEquals(band.gainAt(hz), bank.gainAt(b, hz), 0.04, band + " at " + d + " sd");
            }
            assertTrue(bank.gainAt(b, -band.centreHz()) < 1e-3, "negative frequencies are suppressed: analytic");
            assertTrue(bank.groupDelaySeconds(b) > 0.05 && bank.groupDelaySeconds(b) < 0.11,
                    band + " delay " + bank.groupDelaySeconds(b));
        }
    }

    @Test
    void aNonFiniteSampleInPlaceIsNaNAndCounted() {
        AnalyticBank bank = new AnalyticBank(GaussianBand.changLab(70, 150), 2, 500);
        double[] x = new double[2 * 1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.7);
        }
        x[2 * 500 + 1] = Double.NaN;
        bank.process(x, x, 1000);
        assertTrue(Double.isNaN(x[2 * 500 + 1]));
        assertTrue(Double.isFinite(x[2 * 500]) && Double.isFinite(x[2 * 501 + 1]));
        assertEquals(1, bank.nonFiniteInputs());
    }

    @Test
    void aSineAtACentreHasItsAmplitude() {
        GaussianBand band = GaussianBand.changLab(100);
        AnalyticBank bank = new AnalyticBank(List.of(band), 2, 2000);
        double[] x = new double[8000];
        for (int s = 0; s < 4000; s++) {
            x[2 * s] = 30 * Math.sin(2 * Math.PI * 100 * s / 2000);
            x[2 * s + 1] = 10 * Math.cos(2 * Math.PI * 100 * s / 2000);
        }
        bank.process(x, x, 4000);
        for (int s = 2000; s < 4000; s++) {
            assertEquals(30, x[2 * s], 0.03, "sample " + s); // ripple from the suppressed negative frequency
            assertEquals(10, x[2 * s + 1], 0.01, "sample " + s);
        }
    }

    @Test
    void streamingFollowsTheOfflineEnvelopeOfAHighGammaBurst() {
        double fs = 2000;
        int n = 8000;
        Random random = new Random(3);
        double[] x = new double[n];
        double state = 0;
        for (int s = 0; s < n; s++) {
            state = 0.99 * state + random.nextGaussian(); // a red background
            double burst = s > 3000 && s < 4500 ? 1 : 0.1;
            x[s] = state + burst * 20 * Math.sin(2 * Math.PI * 95 * s / fs + 0.001 * s);
        }
        List<GaussianBand> bands = GaussianBand.changLab(70, 150);
        double[] offline = BandAmplitude.offline(x, bands, fs);
        AnalyticBank bank = new AnalyticBank(bands, 1, fs);
        double[] online = x.clone();
        bank.process(online, online, n);
        int delay = (int) Math.round(0.08 * fs);
        double correlation = correlation(offline, online, delay, 1000, n - 1000);
        assertTrue(correlation > 0.9, "online vs offline envelope, 80 ms later: r = " + correlation);
    }

    @Test
    void anyBlockSizeGivesTheSameAmplitude() {
        double[] x = new double[3 * 6000];
        Random random = new Random(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 40;
        }
        AnalyticBank whole = new AnalyticBank(GaussianBand.changLab(70, 150), 3, 2000);
        double[] expected = x.clone();
        whole.process(expected, expected, 6000);
        AnalyticBank pieces = new AnalyticBank(GaussianBand.changLab(70, 150), 3, 2000);
        double[] got = new double[x.length];
        int done = 0;
        for (int size : StreamingGoldenTest.randomBlockSizes(2, 6000, 700)) {
            double[] block = java.util.Arrays.copyOfRange(x, done * 3, (done + size) * 3);
            pieces.process(block, block, size);
            System.arraycopy(block, 0, got, done * 3, size * 3);
            done += size;
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], got[i], 1e-9 * (1 + Math.abs(expected[i])));
        }
    }

    private static double correlation(double[] a, double[] b, int lag, int from, int to) {
        double ma = 0;
        double mb = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            ma += a[i] / n;
            mb += b[i + lag] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = from; i < to; i++) {
            sab += (a[i] - ma) * (b[i + lag] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i + lag] - mb) * (b[i + lag] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
