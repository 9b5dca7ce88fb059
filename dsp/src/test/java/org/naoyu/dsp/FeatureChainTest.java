package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureChainTest {
    private static final int CHANNELS = 4;
    private static final double FS = 2000;

    /**
     * Red background on every channel, 50 Hz mains, and on channel 0 from 5 to 6 s a high-gamma burst of tones between
     * the mains harmonics (which the chain notches out).
     */
    private static double[] signal(int samples) {
        Random random = new Random(11);
        double[] x = new double[samples * CHANNELS];
        double[] state = new double[CHANNELS];
        for (int s = 0; s < samples; s++) {
            double t = s / FS;
            for (int c = 0; c < CHANNELS; c++) {
                state[c] = 0.995 * state[c] + random.nextGaussian();
                double burst = c == 0 && t >= 5 && t < 6 ? 15 * (Math.sin(2 * Math.PI * 77 * t)
                        + Math.sin(2 * Math.PI * 93 * t) + Math.sin(2 * Math.PI * 118 * t)
                        + Math.sin(2 * Math.PI * 137 * t)) : 0;
                x[s * CHANNELS + c] = 5 * state[c] + 2 * random.nextGaussian() + 20 * Math.sin(2 * Math.PI * 50 * t)
                        + burst + 300;
            }
        }
        return x;
    }

    private static List<FeatureFrame> run(FeatureChain chain, double[] x, int[] sizes) {
        List<FeatureFrame> frames = new ArrayList<>();
        int done = 0;
        for (int size : sizes) {
            double[] block = java.util.Arrays.copyOfRange(x, done * CHANNELS, (done + size) * CHANNELS);
            frames.addAll(chain.frames(block, size, 1000 + done / FS));
            done += size;
        }
        return frames;
    }

    @Test
    void framesComeAtTheFrameRateAndFollowHighGamma() {
        FeatureConfig config = FeatureConfig.defaults(FS);
        assertEquals(500, config.processingRateHz());
        assertEquals(100, config.frameRateHz());
        int samples = (int) (10 * FS);
        List<FeatureFrame> frames = run(new FeatureChain(config, CHANNELS), signal(samples), new int[] {samples});
        assertEquals(1000, frames.size());
        assertEquals(1000.0, frames.get(0).timestamp(), 1e-12);
        assertEquals(0.01, frames.get(1).timestamp() - frames.get(0).timestamp(), 1e-9);
        double inBurst = 0;
        double otherChannel = 0;
        for (int k = 530; k < 600; k++) { // 5.3-6.0 s: after the chain's delay
            inBurst += frames.get(k).value(0, 0) / 70;
            otherChannel += Math.abs(frames.get(k).value(1, 0)) / 70;
        }
        assertTrue(inBurst > 3, "z-scored high gamma during the burst on channel 0: " + inBurst);
        // in raw amplitude: the common average spreads a quarter of channel 0's burst, inverted, over the others
        List<FeatureFrame> raw = run(new FeatureChain(config.withZScore(new ZScore(ZScore.Mode.NONE, 30)), CHANNELS),
                signal(samples), new int[] {samples});
        double rise0 = raw.get(560).value(0, 0) - raw.get(450).value(0, 0);
        double rise1 = raw.get(560).value(1, 0) - raw.get(450).value(1, 0);
        assertTrue(rise1 < 0.35 * rise0, "channel 1 rises " + rise1 + " where channel 0 rises " + rise0);
    }

    @Test
    void anyBlockSizesGiveTheSameFrames() {
        FeatureConfig config = FeatureConfig.defaults(FS);
        int samples = (int) (8 * FS);
        double[] x = signal(samples);
        List<FeatureFrame> whole = run(new FeatureChain(config, CHANNELS), x, new int[] {samples});
        for (long seed = 1; seed <= 2; seed++) {
            List<FeatureFrame> pieces = run(new FeatureChain(config, CHANNELS), x,
                    StreamingGoldenTest.randomBlockSizes(seed, samples, 4096));
            assertEquals(whole.size(), pieces.size());
            for (int k = 0; k < whole.size(); k++) {
                assertEquals(whole.get(k).timestamp(), pieces.get(k).timestamp(), 1e-9);
                for (int i = 0; i < CHANNELS; i++) {
                    assertEquals(whole.get(k).value(i, 0), pieces.get(k).value(i, 0),
                            1e-6 * (1 + Math.abs(whole.get(k).value(i, 0))), "frame " + k + " channel " + i);
                }
            }
        }
        int[] small = new int[samples / 7 + 1];
        java.util.Arrays.fill(small, 7);
        small[small.length - 1] = samples - 7 * (small.length - 1);
        assertEquals(whole.size(), run(new FeatureChain(config, CHANNELS), x, small).size(), "7-sample blocks");
    }

    @Test
    void theMeasuredDelayOfABurstMatchesTheStagesDelays() {
        FeatureConfig config = FeatureConfig.defaults(FS).withZScore(new ZScore(ZScore.Mode.NONE, 30));
        FeatureChain chain = new FeatureChain(config, CHANNELS);
        List<FeatureChain.StageDelay> delays = chain.delays();
        double designed = delays.subList(0, delays.size() - 1).stream()
                .mapToDouble(FeatureChain.StageDelay::delayMs).sum(); // framing does not show in timestamps
        int samples = (int) (10 * FS);
        List<FeatureFrame> frames = run(chain, signal(samples), new int[] {samples});
        double before = 0;
        double plateau = 0;
        for (int k = 400; k < 490; k++) {
            before += frames.get(k).value(0, 0) / 90;
        }
        for (int k = 540; k < 590; k++) {
            plateau += frames.get(k).value(0, 0) / 50;
        }
        int crossing = 500;
        while (frames.get(crossing).value(0, 0) < (before + plateau) / 2) {
            crossing++;
        }
        double measured = (frames.get(crossing).timestamp() - 1005) * 1000;
        // the design's estimate (mean over bands of each band's half rise) is approximate for a mix of off-centre tones
        assertTrue(measured < 100 && Math.abs(measured - designed) < 30, "the envelope reaches half height " + measured
                + " ms after the burst; the stages' delays add to " + designed + " ms " + chain.delays());
    }

    @Test
    void aNonFiniteSampleDoesNotPoisonTheSession() {
        FeatureConfig config = FeatureConfig.defaults(FS);
        int samples = (int) (4 * FS);
        double[] x = signal(samples);
        x[3000 * CHANNELS + 2] = Double.NaN;
        FeatureChain chain = new FeatureChain(config, CHANNELS);
        List<FeatureFrame> frames = run(chain, x, new int[] {samples});
        assertEquals(1, chain.nonFiniteInputs());
        // the anti-alias stage turns the bad input sample into a NaN output of that channel, which the decimation
        // to 500 Hz keeps only if it falls on a kept sample; either way no frame before it is touched
        assertTrue(frames.stream().limit(150).allMatch(f -> Double.isFinite(f.value(2, 0))),
                "no NaN before the bad sample at 1.5 s");
        for (int k = 0; k < frames.size(); k++) {
            for (int c : new int[] {0, 1, 3}) {
                // the common average leaves the bad value out, so the other channels never see it
                assertTrue(Double.isFinite(frames.get(k).value(c, 0)), "channel " + c + " frame " + k);
            }
        }
        for (int k = 300; k < frames.size(); k++) {
            assertTrue(Double.isFinite(frames.get(k).value(2, 0)), "frame " + k + " of the channel is finite again");
        }
    }

    @Test
    void configRoundTripsThroughJsonAndRefusesNonsense() {
        FeatureConfig config = FeatureConfig.withFeatures(1000, FeatureBand.classicSet()).withBadChannels(List.of(3))
                .withLineFrequency(60);
        assertEquals(config, FeatureConfig.fromJson(config.toJson()));
        assertTrue(config.toJson().contains("\"name\" : \"high_gamma\""), config.toJson());
        String broken = config.toJson().replace("\"notchQ\" : 30.0", "\"notchQ\" : -1");
        assertEquals("feature config: notchQ must be in (0, 1000], got -1.0",
                assertThrows(IllegalArgumentException.class, () -> FeatureConfig.fromJson(broken)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureConfig.fromJson("{\"sampleRateHz\": 1"))
                .getMessage().startsWith("feature config: "));
        assertEquals("feature 'high_gamma' reaches 153 Hz, above the Nyquist frequency of the processing rate (125.0 "
                + "Hz); it needs a sampling rate above 307 Hz", assertThrows(IllegalArgumentException.class,
                        () -> FeatureConfig.defaults(250)).getMessage());
        assertEquals("bad channel 9 is not among the 4 channels (indices 0-3)", assertThrows(
                IllegalArgumentException.class, () -> new FeatureChain(FeatureConfig.defaults(FS)
                        .withBadChannels(List.of(9)), 4)).getMessage());
        FeatureConfig odd = FeatureConfig.defaults(512);
        assertEquals(512, odd.processingRateHz());
        assertEquals(102.4, odd.frameRateHz(), 1e-9);
    }

    @Test
    void offlineFramesAgreeWithTheOnlineOnesOnceTheDelayIsAllowedFor() {
        FeatureConfig config = FeatureConfig.defaults(FS).withZScore(new ZScore(ZScore.Mode.NONE, 30));
        int samples = (int) (10 * FS);
        double[] x = signal(samples);
        List<FeatureFrame> online = run(new FeatureChain(config, CHANNELS), x, new int[] {samples});
        OfflineFeatures.Result offline = OfflineFeatures.compute(x, CHANNELS, 1000, config, null, null);
        assertEquals(online.size(), offline.values().length);
        assertEquals(online.get(7).timestamp(), offline.timestamps()[7], 1e-9);
        int lag = 7; // about the online chain's 70 ms
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        double ma = 0;
        double mb = 0;
        int from = 100;
        int to = online.size() - 20;
        for (int k = from; k < to; k++) {
            ma += offline.values()[k][0] / (to - from);
            mb += online.get(k + lag).value(0, 0) / (to - from);
        }
        for (int k = from; k < to; k++) {
            double a = offline.values()[k][0] - ma;
            double b = online.get(k + lag).value(0, 0) - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        double r = sab / Math.sqrt(saa * sbb);
        assertTrue(r > 0.95, "offline vs online high gamma of channel 0, 70 ms apart: r = " + r);
    }

    @Test
    void resetStartsAfreshAndEmptyBlocksChangeNothing() {
        FeatureConfig config = FeatureConfig.defaults(FS);
        int samples = (int) (3 * FS);
        double[] x = signal(samples);
        FeatureChain chain = new FeatureChain(config, CHANNELS);
        List<FeatureFrame> first = run(chain, x, new int[] {samples});
        chain.reset();
        List<FeatureFrame> again = run(chain, x, new int[] {1000, 0, 0, samples - 1000});
        assertEquals(first.size(), again.size());
        for (int k = 0; k < first.size(); k++) {
            assertEquals(first.get(k).value(1, 0), again.get(k).value(1, 0), 1e-12, "frame " + k);
        }
        FeatureChain withCar = new FeatureChain(config, CHANNELS);
        assertEquals("bad channel index must be in [0, 3], got 7", assertThrows(IllegalArgumentException.class,
                () -> withCar.setBadChannels(7)).getMessage());
        assertEquals("commonAverage needs at least 2 channels; a single channel must be processed with commonAverage "
                + "false", assertThrows(IllegalArgumentException.class, () -> new FeatureChain(config, 1))
                        .getMessage());
    }
}
