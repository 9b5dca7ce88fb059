package org.naoyu.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void numpyReadsWhatWeWrite() throws Exception {
        Path file = dir.resolve("a.npy");
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3;
        }
        NpyWriter.writeFloat32(file, new int[] {2, 3, 4}, values);
        assertEquals(0, (Files.size(file) - values.length * 4) % 64, "data starts on a 64-byte boundary");
        Process python = new ProcessBuilder("python3", "-c", "import numpy, sys; a = numpy.load(sys.argv[1]); "
                + "print(a.dtype, a.shape, a[1, 2, 3], a.sum())", file.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes()).trim();
        org.junit.jupiter.api.Assumptions.assumeTrue(python.waitFor() == 0 || !out.contains("No module"), out);
        assertEquals("float32 (2, 3, 4) 8.5 66.0", out);
    }

    @Test
    void refusesMismatchesAndOverwrites() throws Exception {
        Path file = dir.resolve("b.npy");
        assertEquals("shape [2, 2] holds 4 values, got 3", assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.writeFloat32(file, new int[] {2, 2}, new float[3])).getMessage());
        NpyWriter.writeFloat32(file, new int[] {1}, new float[1]);
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> NpyWriter.writeFloat32(file, new int[] {1}, new float[1]));
    }
}
