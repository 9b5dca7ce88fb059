package org.naoyu.datasets;

import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/**
 * One stream of a recording, whatever the file format: what it is and every sample with its timestamp (seconds; for
 * XDF the recorder's LSL clock, for EDF/BDF seconds after the recording's start).
 */
public record RecordedStream(StreamInfo info, Chunk samples) {
    public RecordedStream {
        if (samples.format() != info.format() || samples.channelCount() != info.channelCount()) {
            throw new IllegalArgumentException("samples must have " + info.channelCount() + " " + info.format()
                    + " channels like stream '" + info.name() + "', got " + samples.channelCount() + " "
                    + samples.format());
        }
    }

    public int sampleCount() {
        return samples.sampleCount();
    }

    /** Seconds from the first to the last sample; 0 with fewer than two. */
    public double durationSeconds() {
        double[] t = samples.timestamps();
        return t.length < 2 ? 0 : t[t.length - 1] - t[0];
    }
}
