package org.naoyu.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.ChannelFormat;

class RecordingsTest {

    @Test
    void picksTheReaderByContentNotName(@TempDir Path dir) throws Exception {
        assertEquals(Recordings.Kind.XDF, Recordings.detect(SharedData.path("xdf/minimal.xdf")));
        assertEquals(Recordings.Kind.EDF, Recordings.detect(SharedData.path("edf/mne_test.edf")));
        assertEquals(Recordings.Kind.BDF, Recordings.detect(SharedData.path("edf/mne_test.bdf")));
        assertEquals(Recordings.Kind.GDF,
                Recordings.detect(SharedData.path("bci/ssvep_exoskeleton/subject01_record-2012.07.06-19.02.16.gdf")));
        assertEquals(Recordings.Kind.BCI2000, Recordings.detect(SharedData.path("bci/p300_speller_bci2000/eeg3_1.dat")));
        Path renamed = dir.resolve("looks-like.edf");
        Files.copy(SharedData.path("xdf/minimal.xdf"), renamed);
        assertEquals("XDF", Recordings.open(renamed).format());
    }

    @Test
    void anythingElseIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello");
        FileFormatException e = assertThrows(FileFormatException.class, () -> Recordings.open(file));
        assertEquals(file + ", byte 0: expected an XDF ('XDF:'), EDF ('0'), BDF (0xFF 'BIOSEMI'), GDF ('GDF') or "
                + "BCI2000 ('BCI2000V'/'HeaderLen=') file, got 'hello'", e.getMessage());
    }

    @Test
    void gdfSignalsAndEventTable() throws Exception {
        Recording recording = Recordings.open(SharedData.path(
                "bci/ssvep_exoskeleton/subject01_record-2012.07.06-19.02.16.gdf"));
        assertEquals("GDF 1.25", recording.format());
        assertEquals(List.of("Oz", "O1", "O2", "PO3", "POz", "PO7", "PO8", "PO4"),
                recording.streams().get(0).info().channelLabels());
        assertEquals(57024, recording.streams().get(0).sampleCount());
        assertEquals(98, recording.events().size());
        assertEquals("0x8001", recording.events().get(0).label());
        assertEquals(3325 / 256.0, recording.events().get(0).timeSeconds(), 1e-12);
        assertEquals(8, recording.problems().size(), "each float channel's odd header range is reported");
    }

    @Test
    void bci2000SignalStatesAndStimulusEvents() throws Exception {
        Recording recording = Recordings.open(SharedData.path("bci/p300_speller_bci2000/eeg3_1.dat"));
        assertEquals("BCI2000", recording.format());
        RecordedStream signal = recording.streams().get(0);
        assertEquals(List.of("Fz", "Cz", "P3", "Pz", "P4", "PO7", "Oz", "PO8"), signal.info().channelLabels());
        assertEquals(399 * 0.019, signal.samples().valueAsDouble(0, 0), 1e-12);
        assertEquals(56840, signal.sampleCount());
        RecordedStream states = recording.streams().get(1);
        assertTrue(states.info().channelLabels().contains("StimulusCode"));
        List<RecordedEvent> stimuli = recording.events().stream()
                .filter(e -> e.label().startsWith("StimulusCode=")).toList();
        assertEquals(720, stimuli.size());
        assertEquals("StimulusCode=6", stimuli.get(0).label());
        assertEquals(2312 / 256.0, stimuli.get(0).timeSeconds(), 1e-12);
        assertEquals("T3OF", recording.metadata().get("TextToSpell"));
    }

    @Test
    void xdfStreamsAndMarkerEvents() throws Exception {
        Recording recording = Recordings.open(SharedData.path("xdf/clock_resets.xdf"));
        assertEquals(2, recording.streams().size());
        assertEquals(175, recording.events().size(), "every marker sample is an event");
        assertEquals("MyMarkerStream", recording.events().get(0).source());
        assertEquals("115", recording.metadata().get("clockOffsets.BioSemi"));
        for (int i = 1; i < recording.events().size(); i++) {
            assertTrue(recording.events().get(i).timeSeconds() >= recording.events().get(i - 1).timeSeconds());
        }
    }

    @Test
    void edfSignalsGroupedByRateWithAnnotationsAsEvents() throws Exception {
        Recording recording = Recordings.open(SharedData.path("edf/edfio_short_psg.edf"));
        assertEquals("EDF", recording.format());
        assertEquals(2, recording.streams().size(), "100 Hz and 1 Hz signals");
        RecordedStream fast = recording.streams().get(0);
        assertEquals(100.0, fast.info().nominalRateHz());
        assertEquals(List.of("EEG Fpz-Cz", "EEG Pz-Oz", "EOG horizontal"), fast.info().channelLabels());
        assertEquals(ChannelFormat.DOUBLE64, fast.info().format());
        assertEquals(30000, fast.sampleCount());
        assertEquals(299.99, fast.samples().timestamps()[29999], 1e-9);
        double sum = 0;
        for (int s = 0; s < fast.sampleCount(); s++) {
            sum += fast.samples().valueAsDouble(s, 0);
        }
        assertEquals(5786.725274725277, sum, 1e-6);
        Recording annotated = Recordings.open(SharedData.path("edf/mne_test.edf"));
        assertEquals("EDF+C", annotated.format());
        assertEquals(List.of("start", "type A", "type A", "type B", "type A"),
                annotated.events().stream().map(RecordedEvent::label).toList());
    }
}
