package org.naoyu.datasets.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.Recordings;
import org.naoyu.datasets.xdf.XdfWriter;

@Timeout(60)
class RecordingPlayerTest {
    private static final LslConfig CONFIG = LslConfig.defaults();
    @TempDir
    Path dir;

    /** 2 s of a 100-Hz test signal and three markers, written with the project's XDF writer. */
    private Path recordingWith(String sourceId) throws Exception {
        Path file = dir.resolve("session.xdf");
        try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
            int eeg = writer.addStream(StreamInfo.builder("replay-eeg", 3, 100, ChannelFormat.FLOAT32)
                    .sourceId(sourceId).build());
            int cues = writer.addStream(StreamInfo.builder("replay-cues", 1, 0, ChannelFormat.STRING)
                    .sourceId(sourceId + "-cues").build());
            Chunk chunk = Chunk.allocate(ChannelFormat.FLOAT32, 3, 200);
            for (int s = 0; s < 200; s++) {
                chunk.timestamps()[s] = 1000 + s * 0.01;
            }
            TestSignal.fill(chunk, 0);
            writer.writeSamples(eeg, chunk);
            writer.writeSamples(cues, Chunk.ofStrings(1, new double[] {1000.5, 1001.0, 1001.5},
                    new String[] {"cue:ma1", "go", "rest"}));
        }
        return file;
    }

    @Test
    void playsEveryStreamWithItsTimingFourTimesFaster() throws Exception {
        String sourceId = "naoyu-test-" + UUID.randomUUID();
        Recording recording = Recordings.open(recordingWith(sourceId));
        try (RecordingPlayer player = RecordingPlayer.start(recording, CONFIG, 4.0, false)) {
            StreamInlet eeg = StreamInlet.open(StreamResolver.resolveByProperty(CONFIG, "source_id", sourceId, 1,
                    Duration.ofSeconds(5)).get(0), CONFIG, StreamInlet.Options.defaults());
            StreamInlet cues = StreamInlet.open(StreamResolver.resolveByProperty(CONFIG, "source_id",
                    sourceId + "-cues", 1, Duration.ofSeconds(5)).get(0), CONFIG, StreamInlet.Options.defaults());
            assertEquals(2.0 - 0.01, player.durationSeconds(), 1e-9);
            player.awaitEnd();
            Thread.sleep(300);
            Chunk received = eeg.pullChunk(1000, Duration.ofSeconds(1));
            Chunk markers = cues.pullChunk(10, Duration.ofSeconds(1));
            eeg.close();
            cues.close();
            // the inlets joined while the player ran: samples pushed before they connected are not replayed by LSL
            assertTrue(received.sampleCount() > 100, "most of 200 samples arrived: " + received.sampleCount());
            int first = (int) received.valueAsDouble(0, 0);
            for (int s = 0; s < received.sampleCount(); s++) {
                assertTrue(TestSignal.matches(received, s, first + s), "sample " + s + " in order");
                if (s > 0) {
                    assertEquals(0.01 / 4, received.timestamps()[s] - received.timestamps()[s - 1], 1e-9,
                            "recorded spacing, 4 times faster");
                }
            }
            assertTrue(markers.sampleCount() >= 1, "the markers are replayed too");
            assertEquals("rest", markers.stringValues()[markers.sampleCount() - 1]);
            assertEquals(player.durationSeconds(), player.positionSeconds(), 1e-9);
            assertTrue(player.isFinished());
        }
    }

    @Test
    void loopsUntilClosed() throws Exception {
        String sourceId = "naoyu-test-" + UUID.randomUUID();
        Recording recording = Recordings.open(recordingWith(sourceId));
        try (RecordingPlayer player = RecordingPlayer.start(recording, CONFIG, 20.0, true)) {
            Thread.sleep(400); // two passes of 0.1 s each, and then some
            assertTrue(player.loopsDone() >= 2, "loops: " + player.loopsDone());
            assertTrue(!player.isFinished());
        }
    }

    @Test
    void absurdSpeedsAreRefused() throws Exception {
        Recording recording = Recordings.open(recordingWith("naoyu-test-" + UUID.randomUUID()));
        assertEquals("speed must be in (0, 1000], got 0.0", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> RecordingPlayer.start(recording, CONFIG, 0, false)).getMessage());
        assertEquals("speed must be in (0, 1000], got NaN", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> RecordingPlayer.start(recording, CONFIG, Double.NaN, false))
                .getMessage());
    }
}
