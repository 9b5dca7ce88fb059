package org.naoyu.datasets.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.naoyu.datasets.corpus.TaskMarker.Kind;

/** The statistics the simulator's model promises, measured on its output as an analyst would. */
class SimulatedStatisticsTest {

    private static SimulatorConfig.Builder small() {
        return SimulatorConfig.builder().channels(64).sampleRateHz(1000);
    }

    @ParameterizedTest
    @CsvSource({"2.0", "1.5", "3.0"})
    void backgroundFollowsThePowerLawItIsGiven(double exponent) {
        Simulated rest = Simulated.run(small().clean().task(SimulatorConfig.Task.REST).spectralExponent(exponent)
                .noiseFloorMicrovolts(0.1).build(), 60);
        double[] slopes = new double[4];
        for (int i = 0; i < slopes.length; i++) {
            double[] psd = Simulated.welch(rest.signal[i * 15], 2048);
            slopes[i] = Simulated.logLogSlope(psd, 1000, 2048, 2, 100);
        }
        for (double slope : slopes) {
            assertEquals(-exponent, slope, 0.2, "log-log slope 2-100 Hz " + Arrays.toString(slopes));
        }
    }

    @Test
    void backgroundHasTheConfiguredRmsAndIsCorrelatedBetweenNeighbours() {
        Simulated rest = Simulated.run(small().clean().task(SimulatorConfig.Task.REST).build(), 40);
        ElectrodeGrid grid = rest.simulator.config().grid();
        int a = 3 * grid.columns() + 3;
        double neighbour = correlation(rest.signal[a], rest.signal[a + 1]);
        double far = correlation(rest.signal[a], rest.signal[a + 4 * grid.columns() + 4]);
        assertTrue(neighbour > 0.3 && neighbour > far + 0.2, "neighbour r " + neighbour + ", far r " + far);
        double gain = 0;
        for (double[] channel : rest.signal) {
            gain += Math.sqrt(variance(channel)) / rest.signal.length;
        }
        assertEquals(60, gain, 15, "mean RMS in µV of a 60 µV background with log-normal gains");
    }

    @Test
    void mainsShowsAsPeaksAtFiftyHertzAndHarmonicsOrSixtyWhenAsked() {
        SimulatorConfig.Builder builder = small().task(SimulatorConfig.Task.REST).randomBadChannels(0)
                .movementsPerMinute(0).popsPerMinute(0);
        // 1024-sample segments at 1000 Hz: bins 0.977 Hz apart
        double[] psd50 = Simulated.welch(Simulated.run(builder.build(), 20).signal[10], 1024);
        double[] psd60 = Simulated.welch(Simulated.run(builder.lineFrequencyHz(60).build(), 20).signal[10], 1024);
        assertTrue(peakRatio(psd50, 50) > 30, "50 Hz peak over its surroundings: " + peakRatio(psd50, 50));
        assertTrue(peakRatio(psd50, 150) > 5, "third harmonic: " + peakRatio(psd50, 150));
        assertTrue(peakRatio(psd50, 60) < 3, "nothing at 60 Hz with 50 Hz mains: " + peakRatio(psd50, 60));
        assertTrue(peakRatio(psd60, 60) > 30, "60 Hz peak: " + peakRatio(psd60, 60));
        assertTrue(peakRatio(psd60, 50) < 3, "nothing at 50 Hz with 60 Hz mains: " + peakRatio(psd60, 50));
    }

    @Test
    void highGammaRisesAfterSpeechOnsetOnTheMappedChannelsAndNowhereElse() {
        Simulated run = Simulated.run(small().channels(256).clean().cues(List.of("ba1", "ga1")).build(), 90);
        SomatotopicMap map = run.simulator.map();
        for (String syllable : List.of("ba1", "ga1")) {
            double[] expected = map.expectedResponse(GesturalScore.of(Phonetics.of(syllable.substring(0, 2), 1)));
            double[] ratio = highGammaRatio(run, syllable, 400);
            int strongest = argMax(expected);
            assertTrue(ratio[strongest] > 2, syllable + ": high-gamma power after onset over before on "
                    + run.simulator.config().grid().label(strongest) + " = " + ratio[strongest]);
            int elsewhere = 0;
            for (int c = 0; c < expected.length; c++) {
                elsewhere += expected[c] == 0 && map.isResponsive(c) ? 1 : 0;
            }
            assertTrue(elsewhere >= 10, syllable + ": speech electrodes its articulators do not reach: " + elsewhere);
            for (int c = 0; c < expected.length; c++) {
                if (expected[c] == 0) {
                    // ~15 trials of a 0.4 s window: the ratio of two noisy band powers spreads by ±0.2 or so
                    assertTrue(ratio[c] > 0.6 && ratio[c] < 1.6, syllable + ": channel "
                            + run.simulator.config().grid().label(c) + " is not mapped to the syllable's "
                            + "articulators but its high-gamma changed by " + ratio[c]);
                }
            }
        }
        int lips = map.peakChannel(Articulator.LIPS);
        int velar = map.peakChannel(Articulator.TONGUE_BODY);
        // the initial's place of articulation shows in the first 150 ms
        assertTrue(highGammaRatio(run, "ba1", 150)[lips] > 1.3 * highGammaRatio(run, "ga1", 150)[lips],
                "the lips electrode prefers the bilabial");
        assertTrue(highGammaRatio(run, "ga1", 150)[velar] > 1.3 * highGammaRatio(run, "ba1", 150)[velar],
                "the tongue-body electrode prefers the velar");
    }

    @Test
    void speechOnsetMarkersAreWhereActivityStarts() {
        Simulated run = Simulated.run(small().clean().snr(10).cues(List.of("ma1")).build(), 40);
        int channel = run.simulator.map().peakChannel(Articulator.LIPS);
        int window = 50; // 50 ms at 1 kHz
        double before = 0;
        double after = 0;
        List<TimedMarker> onsets = run.markers(Kind.SPEECH_ONSET);
        for (TimedMarker onset : onsets) {
            before += run.bandPower(channel, onset.sample() - window, window, 70, 150, 0);
            after += run.bandPower(channel, onset.sample() + 20, window, 70, 150, 0);
        }
        assertTrue(after > 4 * before, "high-gamma 20-70 ms after onset " + after + " vs the 50 ms before " + before);
    }

    @Test
    void trialsFollowTheTaskTimingInOrder() {
        SimulatorConfig config = small().clean().build();
        Simulated run = Simulated.run(config, 30);
        List<TimedMarker> cues = run.markers(Kind.CUE);
        List<TimedMarker> gos = run.markers(Kind.GO);
        List<TimedMarker> onsets = run.markers(Kind.SPEECH_ONSET);
        List<TimedMarker> offsets = run.markers(Kind.SPEECH_OFFSET);
        assertTrue(cues.size() >= 8, "trials in 30 s: " + cues.size());
        assertEquals(2000, cues.get(0).sample(), "two seconds of rest open the session");
        for (int i = 0; i < offsets.size(); i++) {
            String syllable = cues.get(i).marker().label();
            assertEquals(syllable, onsets.get(i).marker().label());
            assertEquals(1000, gos.get(i).sample() - cues.get(i).sample(), "cue lasts 1 s");
            long reaction = onsets.get(i).sample() - gos.get(i).sample();
            assertTrue(reaction > 150 && reaction < 1500, "reaction " + reaction + " ms");
            long duration = offsets.get(i).sample() - onsets.get(i).sample();
            assertTrue(duration > 150 && duration < 650, "attempt lasts " + duration + " ms");
        }
        for (int i = 1; i < run.markers.size(); i++) {
            assertTrue(run.markers.get(i).sample() >= run.markers.get(i - 1).sample(), "markers come in time order");
        }
    }

    @Test
    void sentencesAreSpokenSyllableBySyllable() {
        Simulated run = Simulated.run(small().clean().task(SimulatorConfig.Task.SENTENCES).build(), 30);
        TimedMarker start = run.markers(Kind.SENTENCE_START).get(0);
        String[] textAndPinyin = start.marker().label().split("\\|");
        List<String> pinyin = List.of(textAndPinyin[1].split(" "));
        assertEquals(textAndPinyin[0].codePointCount(0, textAndPinyin[0].length()), pinyin.size());
        List<String> spoken = run.markers(Kind.SPEECH_ONSET).stream().limit(pinyin.size())
                .map(m -> m.marker().label()).toList();
        assertEquals(pinyin, spoken);
        assertEquals(textAndPinyin[0], run.markers(Kind.SENTENCE_END).get(0).marker().label());
    }

    @Test
    void badChannelsAreAsConfigured() {
        ElectrodeGrid grid = ElectrodeGrid.forChannels(64);
        SimulatorConfig config = small().badChannels(List.of(new BadChannel(5, BadChannel.Kind.FLAT),
                new BadChannel(20, BadChannel.Kind.RAILED), new BadChannel(40, BadChannel.Kind.NOISY)))
                .randomBadChannels(3).build();
        Simulated run = Simulated.run(config, 10);
        List<BadChannel> bad = run.simulator.badChannels();
        assertEquals(6, bad.size(), bad.toString());
        double[] rms = new double[grid.channelCount()];
        for (int c = 0; c < rms.length; c++) {
            rms[c] = Math.sqrt(variance(run.signal[c]));
        }
        double typical = median(rms);
        for (BadChannel b : bad) {
            double[] x = run.signal[b.channel()];
            switch (b.kind()) {
                case FLAT -> assertEquals(0, rms[b.channel()], 0, grid.label(b.channel()) + " is flat");
                case RAILED -> assertTrue(Arrays.stream(x).allMatch(v -> Math.abs(v) == EcogSimulator.RAIL_MICROVOLTS),
                        grid.label(b.channel()) + " sits at the rail");
                case NOISY -> assertTrue(rms[b.channel()] > 5 * typical, grid.label(b.channel()) + " RMS "
                        + rms[b.channel()] + " vs typical " + typical);
                default -> throw new AssertionError(b);
            }
        }
        List<BadChannel.Kind> randomKinds = bad.stream().filter(b -> b.channel() != 5 && b.channel() != 20
                && b.channel() != 40).map(BadChannel::kind).sorted().toList();
        assertEquals(List.of(BadChannel.Kind.FLAT, BadChannel.Kind.RAILED, BadChannel.Kind.NOISY), randomKinds,
                "random bad channels take each kind in turn");
    }

    @Test
    void artifactsAreAnnouncedAndVisible() {
        Simulated run = Simulated.run(small().clean().popsPerMinute(20).movementsPerMinute(6)
                .task(SimulatorConfig.Task.REST).build(), 60);
        List<TimedMarker> pops = run.markers(Kind.ARTIFACT_POP);
        assertTrue(pops.size() >= 8 && pops.size() <= 35, "pops at 20 a minute in 60 s: " + pops.size());
        assertTrue(run.markers(Kind.ARTIFACT_MOVEMENT).size() >= 1, "movements at 6 a minute");
        ElectrodeGrid grid = run.simulator.config().grid();
        for (TimedMarker pop : pops) {
            int channel = grid.indexOf(pop.marker().label());
            int s = (int) pop.sample();
            if (s > 0 && s < run.signal[channel].length) {
                double step = Math.abs(run.signal[channel][s] - run.signal[channel][s - 1]);
                assertTrue(step > 100, "a pop on " + pop.marker().label() + " jumps by " + step + " µV");
            }
        }
    }

    /** High-gamma power in the {@code length} samples after each onset of the syllable over the 400 before its cue. */
    private static double[] highGammaRatio(Simulated run, String syllable, int length) {
        int channels = run.signal.length;
        double[] before = new double[channels];
        double[] after = new double[channels];
        for (TimedMarker onset : run.markers(Kind.SPEECH_ONSET)) {
            if (!onset.marker().label().equals(syllable) || onset.sample() + length > run.signal[0].length) {
                continue;
            }
            TimedMarker cue = run.markers.stream().filter(m -> m.marker().kind() == Kind.CUE
                    && m.sample() < onset.sample()).reduce((x, y) -> y).orElseThrow();
            for (int c = 0; c < channels; c++) {
                before[c] += run.bandPower(c, cue.sample() - 400, 400, 70, 150, 0) / (400.0 * 400);
                after[c] += run.bandPower(c, onset.sample(), length, 70, 150, 0) / ((double) length * length);
            }
        }
        double[] ratio = new double[channels];
        for (int c = 0; c < channels; c++) {
            ratio[c] = after[c] / before[c];
        }
        return ratio;
    }

    private static double peakRatio(double[] psd, double hz) {
        int k = (int) Math.round(hz * 1024 / 1000.0);
        List<Double> around = new ArrayList<>();
        for (int d = 5; d <= 12; d++) {
            around.add(psd[k - d]);
            around.add(psd[k + d]);
        }
        double peak = Math.max(psd[k], Math.max(psd[k - 1], psd[k + 1]));
        return peak / around.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
