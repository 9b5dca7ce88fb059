package org.naoyu.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.edf.EdfReader;
import org.naoyu.datasets.edf.EdfRecording;
import org.naoyu.datasets.edf.EdfSignal;
import org.naoyu.datasets.edf.EdfVariant;
import org.naoyu.datasets.xdf.XdfWriter;

/** Round trips through naoyu's writers, checked with its readers and against the source files' own values. */
class ExportsTest {
    @TempDir
    Path dir;

    @Test
    void edfToEdfPlusKeepsSignalsWithinTheQuantisationStep() throws Exception {
        Recording source = Recordings.open(SharedData.path("edf/edfio_short_psg.edf"));
        Path out = dir.resolve("psg.edf");
        Exports.write(source, out);
        EdfRecording copy = EdfReader.read(out);
        EdfRecording original = EdfReader.read(SharedData.path("edf/edfio_short_psg.edf"));
        assertEquals(EdfVariant.EDF_PLUS_C, copy.variant());
        assertEquals("X X X X", copy.patient(), "no identifiers are carried over");
        assertEquals(LocalDateTime.of(1989, 4, 24, 16, 13), copy.start());
        assertEquals(original.signals().size(), copy.signals().size());
        for (int i = 0; i < original.signals().size(); i++) {
            EdfSignal before = original.signals().get(i);
            EdfSignal after = copy.signal(before.header().label()).orElseThrow();
            assertEquals(before.sampleRateHz(), after.sampleRateHz());
            double[] a = before.physical();
            double[] b = after.physical();
            assertEquals(a.length, b.length);
            double step = Math.abs(after.header().gain());
            for (int s = 0; s < a.length; s++) {
                assertEquals(a[s], b[s], step / 2 + 1e-9, before.header().label() + " sample " + s);
            }
        }
    }

    @Test
    void xdfWithMarkersToEdfAndBdfWithAnnotations() throws Exception {
        Path xdf = dir.resolve("session.xdf");
        try (XdfWriter writer = XdfWriter.create(xdf, Map.of())) {
            int eeg = writer.addStream(StreamInfo.builder("eeg", 2, 250, ChannelFormat.FLOAT32)
                    .channelLabels(List.of("G1", "G2")).build());
            int cues = writer.addStream(StreamInfo.builder("cues", 1, 0, ChannelFormat.STRING).build());
            Chunk chunk = Chunk.allocate(ChannelFormat.FLOAT32, 2, 1000);
            for (int s = 0; s < 1000; s++) {
                chunk.timestamps()[s] = 500 + s / 250.0;
                chunk.float32Values()[2 * s] = (float) (50 * Math.sin(s / 10.0));
                chunk.float32Values()[2 * s + 1] = (float) (s * 0.01);
            }
            writer.writeSamples(eeg, chunk);
            writer.writeSamples(cues, Chunk.ofStrings(1, new double[] {500.5, 502.25}, new String[] {"cue:ma3", "脑语"}));
        }
        Recording recording = Recordings.open(xdf);
        for (String name : new String[] {"out.edf", "out.bdf"}) {
            Path out = dir.resolve(name);
            Exports.write(recording, out);
            EdfRecording edf = EdfReader.read(out);
            assertEquals(name.endsWith(".bdf") ? EdfVariant.BDF_PLUS_C : EdfVariant.EDF_PLUS_C, edf.variant());
            assertEquals("Startdate X X naoyu X", edf.recording(), "an XDF file has no wall-clock start");
            EdfSignal g1 = edf.signal("G1").orElseThrow();
            assertEquals(250.0, g1.sampleRateHz());
            assertEquals(1000, g1.sampleCount(), "4 whole records of 1 s");
            double step = Math.abs(g1.header().gain());
            assertTrue(step < (name.endsWith(".bdf") ? 1e-5 : 2e-3), "quantisation step " + step);
            for (int s = 0; s < 1000; s++) {
                assertEquals(recording.streams().get(0).samples().valueAsDouble(s, 0), g1.physical()[s],
                        step / 2 + 1e-9);
            }
            assertEquals(2, edf.annotations().size());
            assertEquals("cue:ma3", edf.annotations().get(0).text());
            assertEquals(0.5, edf.annotations().get(0).onsetSeconds(), 1e-7);
            assertEquals("脑语", edf.annotations().get(1).text());
            assertEquals(2.25, edf.annotations().get(1).onsetSeconds(), 1e-7);
        }
    }

    @Test
    void bci2000AndEdfAnnotationsToXdf() throws Exception {
        Path out = dir.resolve("p300.xdf");
        Exports.write(Recordings.open(SharedData.path("bci/p300_speller_bci2000/eeg3_1.dat")), out);
        Recording copy = Recordings.open(out);
        assertEquals(List.of("BCI2000", "BCI2000 states", "states"),
                copy.streams().stream().map(s -> s.info().name()).toList());
        assertEquals(56840, copy.streams().get(0).sampleCount());
        assertEquals(720, copy.streams().get(2).sampleCount(), "the stimulus onsets as a marker stream");
        Path utf8 = dir.resolve("utf8.xdf");
        Exports.write(Recordings.open(SharedData.path("edf/pyedflib_test_utf8.edf")), utf8);
        Recording annotated = Recordings.open(utf8);
        assertEquals("中文测试八个字", annotated.stream("annotations").samples().stringValues()[2]);
    }

    @Test
    void whatEdfCannotHoldIsRefusedByName() throws Exception {
        Path xdf = dir.resolve("irregular.xdf");
        try (XdfWriter writer = XdfWriter.create(xdf, Map.of())) {
            int id = writer.addStream(StreamInfo.builder("events", 1, 0, ChannelFormat.INT32).build());
            writer.writeSamples(id, Chunk.ofInt32(1, new double[] {1, 2.5}, new int[] {1, 2}));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exports.write(Recordings.open(xdf), dir.resolve("x.edf")));
        assertEquals("stream 'events' has an irregular rate; EDF holds regularly sampled signals only (export it to "
                + "XDF instead)", e.getMessage());
        assertEquals("the output file must end in .xdf, .edf or .bdf, got 'x.csv'", assertThrows(
                IllegalArgumentException.class, () -> Exports.write(Recordings.open(xdf), dir.resolve("x.csv")))
                .getMessage());
    }
}
