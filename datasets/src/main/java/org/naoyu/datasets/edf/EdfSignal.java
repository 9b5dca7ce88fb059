package org.naoyu.datasets.edf;

/**
 * One data signal: its header and its digital samples in file order ({@code samplesPerRecord} per data record).
 * Physical values are computed on request, so a file costs 4 bytes a sample in memory, not 8.
 */
public record EdfSignal(EdfSignalHeader header, double sampleRateHz, int[] digital) {

    public int sampleCount() {
        return digital.length;
    }

    /** Every sample in physical units ({@link EdfSignalHeader#physicalDimension()}). */
    public double[] physical() {
        double[] values = new double[digital.length];
        double gain = header.gain();
        for (int i = 0; i < digital.length; i++) {
            values[i] = (digital[i] - header.digitalMin()) * gain + header.physicalMin();
        }
        return values;
    }

    /** Seconds after the recording's start of sample {@code i}, from the record it is in. */
    public double timeOf(int i, EdfRecording recording) {
        int perRecord = header.samplesPerRecord();
        int record = i / perRecord;
        return recording.recordStartSeconds()[record] + (i % perRecord) / sampleRateHz;
    }
}
