package org.naoyu.datasets.gdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.FileFormatException;
import org.naoyu.datasets.SharedData;

class GdfReaderTest {

    /** The SSVEP exoskeleton recording of shared/data/bci/README.md (GDF 1.25 written by OpenViBE). */
    @Test
    void ssvepRecording() throws Exception {
        GdfRecording gdf = GdfReader.read(SharedData.path("bci/ssvep_exoskeleton/subject01_record-2012.07.06-19.02.16.gdf"));
        assertEquals("GDF 1.25", gdf.version());
        assertNull(gdf.start(), "the start field is blank");
        assertEquals(57024, gdf.recordCount());
        assertEquals(1 / 256.0, gdf.recordDurationSeconds());
        assertEquals(List.of("Oz", "O1", "O2", "PO3", "POz", "PO7", "PO8", "PO4"),
                gdf.signals().stream().map(GdfRecording.GdfSignal::label).toList());
        GdfRecording.GdfSignal oz = gdf.signals().get(0);
        assertEquals("uV", oz.physicalDimension());
        assertEquals(256.0, oz.sampleRateHz());
        assertEquals(17, oz.gdfType(), "float64");
        assertEquals(57024, oz.physical().length);
        assertEquals(6.8359375, oz.physical()[0], 1e-12, "µV as stored, not rescaled by the odd header range");
        double mean = 0;
        for (double value : oz.physical()) {
            mean += value / oz.physical().length;
        }
        double variance = 0;
        for (double value : oz.physical()) {
            variance += (value - mean) * (value - mean) / oz.physical().length;
        }
        double std = Math.sqrt(variance);
        assertTrue(std > 5.3 - 0.05 && std < 18.4 + 0.05, "per-channel std 5.3-18.4 µV, got " + std);
        assertTrue(gdf.problems().stream().anyMatch(p -> p.contains("float signal 'Oz' declares physical "
                + "[-0.038322998046875, 0.038322998046875] over digital [-39.0, 39.0]")), gdf.problems().toString());

        assertEquals(98, gdf.events().size());
        assertEquals(0x8001, gdf.events().get(0).type());
        assertEquals(3325, gdf.events().get(0).position());
        assertEquals(0x8002, gdf.events().get(97).type());
        assertEquals(57085, gdf.events().get(97).position(), "beyond the last sample, as written");
        List<GdfRecording.GdfEvent> labels = gdf.events().stream().filter(e -> (e.type() & 0xff00) == 0x8100).toList();
        assertEquals(32, labels.size());
        StringBuilder order = new StringBuilder();
        labels.forEach(e -> order.append(e.type() - 0x8100));
        assertEquals("00000000231213123231312312132321", order.toString());
        assertEquals(3837, labels.get(0).position());
        assertEquals(List.of(3965L, 5245L), gdf.events().subList(2, 4).stream().map(GdfRecording.GdfEvent::position)
                .toList(), "stimulation start and stop of the first trial");
        assertEquals(3837 / 256.0, labels.get(0).timeSeconds(), 1e-12);
    }

    /** A GDF 2.20 file built here byte by byte: int16 with scaling, a 2.x start time, a mode-3 event table. */
    @Test
    void gdf2WithScalingAndMode3Events(@TempDir Path dir) throws Exception {
        int ns = 2;
        int spr = 4;
        ByteBuffer b = ByteBuffer.allocate(256 * 3 + 2 * 3 * spr * 2 + 8 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GDF 2.20".getBytes(StandardCharsets.US_ASCII));
        b.put(pad("P01", 66));
        b.position(88).put(pad("naoyu test", 64));
        // 2025-03-02 12:00:00 as days since 0000-01-00: 719529 + days since 1970, in 32.32 fixed point
        long day = 719529 + java.time.LocalDate.of(2025, 3, 2).toEpochDay();
        b.putLong(168, (long) ((day + 0.5) * 4294967296.0));
        b.putShort(184, (short) 3);
        b.putLong(236, 2);
        b.putInt(244, 1).putInt(248, 2); // records of 0.5 s
        b.putShort(252, (short) ns);
        int v = 256;
        b.position(v).put(pad("ECoG1", 16)).put(pad("ECoG2", 16));
        b.position(v + 96 * ns).put(pad("uV", 6)).put(pad("uV", 6));
        int numbers = v + 104 * ns;
        b.putDouble(numbers, -100).putDouble(numbers + 8, 0);
        b.putDouble(numbers + 16, 100).putDouble(numbers + 24, 1);
        b.putDouble(numbers + 32, -32768).putDouble(numbers + 40, 0);
        b.putDouble(numbers + 48, 32767).putDouble(numbers + 56, 1);
        int counts = numbers + 112 * ns;
        b.putInt(counts, spr).putInt(counts + 4, spr);
        b.putInt(counts + 8, 3).putInt(counts + 12, 3);
        b.position(768);
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < spr; i++) {
                b.putShort((short) (r * 1000 + i * 100));
            }
            for (int i = 0; i < spr; i++) {
                b.putShort((short) (i % 2));
            }
        }
        b.put((byte) 3).put((byte) 1).put((byte) 0).put((byte) 0).putFloat(8f); // 1 event, positions at 8 Hz
        b.putInt(5).putShort((short) 0x0300).putShort((short) 1).putInt(2);
        Path file = dir.resolve("two.gdf");
        Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));

        GdfRecording gdf = GdfReader.read(file);
        assertEquals("GDF 2.20", gdf.version());
        assertEquals("P01", gdf.patient());
        assertEquals(LocalDateTime.of(2025, 3, 2, 12, 0), gdf.start());
        assertEquals(8.0, gdf.signals().get(0).sampleRateHz());
        double gain = 200.0 / 65535;
        assertEquals((0 + 32768) * gain - 100, gdf.signals().get(0).physical()[0], 1e-9);
        assertEquals((1300 + 32768) * gain - 100, gdf.signals().get(0).physical()[7], 1e-9);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1, 0, 1}, gdf.signals().get(1).physical(), 1e-12);
        assertEquals(List.of(new GdfRecording.GdfEvent(0x0300, 5, 1, 2, 8.0)), gdf.events());
        assertEquals(5 / 8.0, gdf.events().get(0).timeSeconds());
        assertEquals(List.of(), gdf.problems());
    }

    @Test
    void notGdfIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.gdf");
        Files.write(file, new byte[300]);
        FileFormatException e = assertThrows(FileFormatException.class, () -> GdfReader.read(file));
        assertEquals(file + ", byte 0: the version field must be 'GDF 1.xx' or 'GDF 2.xx', got '????????'",
                e.getMessage());
    }

    private static byte[] pad(String text, int width) {
        return java.util.Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), width);
    }
}
