package org.naoyu.datasets.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.naoyu.datasets.corpus.TaskMarker;

class SimulatorConfigTest {

    @ParameterizedTest
    @CsvSource({"256, 16, 16", "64, 8, 8", "128, 8, 16", "100, 10, 10", "1024, 32, 32", "8, 2, 4", "13, 4, 4",
        "96, 8, 12"})
    void channelCountsGetTheSquarestGrid(int channels, int rows, int columns) {
        ElectrodeGrid grid = ElectrodeGrid.forChannels(channels);
        assertEquals(rows, grid.rows());
        assertEquals(columns, grid.columns());
        assertEquals(channels, grid.channels().size());
    }

    @Test
    void gridLabelsAndPositions() {
        ElectrodeGrid grid = ElectrodeGrid.forChannels(256);
        assertEquals("G001", grid.label(0));
        assertEquals("G256", grid.label(255));
        assertEquals(17, grid.indexOf("g018"));
        assertEquals(60.0, grid.position(15).xMm(), 1e-12, "last column, 15 x 4 mm");
        assertEquals(60.0, grid.position(0).yMm(), 1e-12, "row 0 is the dorsal top");
        assertEquals(0.0, grid.position(255).yMm(), 1e-12);
        assertEquals("ECOG", grid.channels().get(0).type());
        assertEquals(ElectrodeGrid.forChannels(128), ElectrodeGrid.parse("8x16"));
    }

    @Test
    void badValuesNameTheFieldAndRange() {
        assertEquals("channel count must be in [8, 1024], got 2048",
                assertThrows(IllegalArgumentException.class, () -> ElectrodeGrid.forChannels(2048)).getMessage());
        assertEquals("grid must be ROWSxCOLUMNS such as 16x16, got '16by16'",
                assertThrows(IllegalArgumentException.class, () -> ElectrodeGrid.parse("16by16")).getMessage());
        assertEquals("sampleRateHz must be in [250, 10000], got 100", assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().sampleRateHz(100).build()).getMessage());
        assertEquals("snr must be in [0, 20], got 50", assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().snr(50).build()).getMessage());
        assertEquals("snr must be in [0, 20], got NaN", assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().snr(Double.NaN).build()).getMessage());
        assertEquals("lineFrequencyHz must be 50 or 60, got 55", assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().lineFrequencyHz(55).build()).getMessage());
        assertEquals("randomBadChannels must be in [0, 16] for 64 channels, got 20",
                assertThrows(IllegalArgumentException.class,
                        () -> SimulatorConfig.builder().channels(64).randomBadChannels(20).build()).getMessage());
        assertEquals("cue 'ma9' is not a toned syllable of the inventory (base + tone 1-5 such as ma3 or lv4)",
                assertThrows(IllegalArgumentException.class, () -> new EcogSimulator(SimulatorConfig.builder()
                        .cues(List.of("ma1", "ma9")).build())).getMessage());
        ElectrodeGrid grid = ElectrodeGrid.forChannels(64);
        assertEquals("bad channel 'G99' is not on the grid: use a label G01…G64 or a number 1…64",
                assertThrows(IllegalArgumentException.class, () -> BadChannel.parse("G99:flat", grid)).getMessage());
        assertEquals("bad channel kind must be flat, railed or noisy, got 'broken'",
                assertThrows(IllegalArgumentException.class, () -> BadChannel.parse("G09:broken", grid)).getMessage());
        assertEquals(new BadChannel(16, BadChannel.Kind.RAILED), BadChannel.parse("17:railed", grid));
    }

    @Test
    void sameConfigSameSamplesWhateverTheBlockSizes() {
        SimulatorConfig config = SimulatorConfig.builder().channels(16).sampleRateHz(500).popsPerMinute(30)
                .movementsPerMinute(10).build();
        List<TimedMarker> wholeMarkers = new ArrayList<>();
        List<TimedMarker> pieceMarkers = new ArrayList<>();
        float[] whole = samples(config, 5000, new int[] {5000}, wholeMarkers);
        float[] pieces = samples(config, 5000, new int[] {1, 7, 256, 999, 13}, pieceMarkers);
        assertArrayEquals(whole, pieces);
        assertTrue(wholeMarkers.size() > 5, "markers in 10 s: " + wholeMarkers);
        assertEquals(wholeMarkers, pieceMarkers, "the same markers at the same samples");
        assertFalse(java.util.Arrays.equals(whole, samples(config.toBuilder().seed(2).build(), 5000,
                new int[] {5000}, new ArrayList<>())), "another seed, other samples");
    }

    @Test
    void theParticipantKeepsTheCortexAcrossSessions() {
        SimulatorConfig session1 = SimulatorConfig.builder().channels(64).seed(1).build();
        SimulatorConfig session2 = session1.toBuilder().seed(2).build();
        SimulatorConfig otherPerson = session1.toBuilder().participant(2).build();
        EcogSimulator a = new EcogSimulator(session1);
        EcogSimulator b = new EcogSimulator(session2);
        EcogSimulator c = new EcogSimulator(otherPerson);
        for (Articulator articulator : Articulator.values()) {
            assertEquals(a.map().peakChannel(articulator), b.map().peakChannel(articulator));
        }
        boolean moved = false;
        for (Articulator articulator : Articulator.values()) {
            moved |= a.map().weight(10, articulator) != c.map().weight(10, articulator);
        }
        assertTrue(moved, "another participant, another map");
        assertFalse(a.badChannels().equals(b.badChannels()), "random bad channels change with the session");
    }

    @Test
    void theMapFollowsTheDorsoVentralOrderOfTheArticulators() {
        SomatotopicMap map = SomatotopicMap.of(ElectrodeGrid.forChannels(256), 1);
        ElectrodeGrid grid = map.grid();
        assertTrue(grid.row(map.peakChannel(Articulator.LARYNX_DORSAL)) < grid.row(map.peakChannel(Articulator.LIPS)));
        assertTrue(grid.row(map.peakChannel(Articulator.LIPS)) < grid.row(map.peakChannel(Articulator.TONGUE_BODY)));
        assertTrue(grid.row(map.peakChannel(Articulator.TONGUE_BODY))
                < grid.row(map.peakChannel(Articulator.LARYNX_VENTRAL)));
        long silent = java.util.stream.IntStream.range(0, 256).filter(c -> !map.isResponsive(c)).count();
        assertTrue(silent > 10 && silent < 128, "some electrodes lie off the speech representations: " + silent);
    }

    @Test
    void markersReadBack() {
        TaskMarker marker = new TaskMarker(TaskMarker.Kind.SPEECH_ONSET, "ma3");
        assertEquals("speech_onset ma3", marker.format());
        assertEquals(marker, TaskMarker.parse("speech_onset ma3"));
        assertEquals(TaskMarker.of(TaskMarker.Kind.REST), TaskMarker.parse("rest"));
        assertEquals("我想喝水|wo3 xiang3 he1 shui3",
                TaskMarker.parse("sentence_start 我想喝水|wo3 xiang3 he1 shui3").label());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TaskMarker.parse("hello ma3")).getMessage()
                .startsWith("marker 'hello ma3' must start with one of [cue, go, speech_onset"));
    }

    private static float[] samples(SimulatorConfig config, int total, int[] blockSizes, List<TimedMarker> markers) {
        EcogSimulator simulator = new EcogSimulator(config);
        int channels = config.grid().channelCount();
        float[] all = new float[total * channels];
        float[] block = new float[total * channels];
        for (int done = 0, i = 0; done < total; i++) {
            int n = Math.min(blockSizes[i % blockSizes.length], total - done);
            int before = markers.size();
            simulator.next(block, n, markers);
            for (TimedMarker m : markers.subList(before, markers.size())) {
                assertTrue(m.sample() >= done && m.sample() < done + n, "marker " + m + " handed out with the block "
                        + "holding its sample [" + done + ", " + (done + n) + ")");
            }
            System.arraycopy(block, 0, all, done * channels, n * channels);
            done += n;
        }
        return all;
    }
}
