package org.naoyu.datasets.xdf;

import java.nio.file.Path;

/** Walks an XDF file chunk by chunk and prints the samples and their checksum; run with a heap smaller than the file. */
public final class StreamingReadChild {
    private StreamingReadChild() {
    }

    public static void main(String[] args) throws Exception {
        long samples = 0;
        double sum = 0;
        try (XdfChunkReader reader = new XdfChunkReader(Path.of(args[0]))) {
            for (XdfChunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
                if (chunk instanceof XdfChunk.Samples s) {
                    samples += s.samples().sampleCount();
                    for (float v : s.samples().float32Values()) {
                        sum += v;
                    }
                }
            }
        }
        System.out.println(samples + " " + sum);
    }
}
