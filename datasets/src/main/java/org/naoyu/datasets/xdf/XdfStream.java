package org.naoyu.datasets.xdf;

import java.util.List;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/**
 * One stream of an XDF file, as read.
 *
 * @param streamId        the id its chunks carry
 * @param info            its stream header
 * @param headerXml       the header as written
 * @param footerXml       the footer as written; empty when the recording ended without one
 * @param samples         every sample in file order; timestamps synchronised and dejittered as the options asked
 * @param clockTimes      when each ClockOffset was measured (recorder clock, s)
 * @param clockValues     each measured offset (s)
 * @param segments        runs without breaks (pyxdf's {@code segments})
 * @param clockSegments   runs mapped by one clock fit; more than one after a clock reset; empty without sync
 * @param effectiveRateHz measured samples per second; 0 for irregular or single-sample streams
 */
public record XdfStream(
        int streamId,
        StreamInfo info,
        String headerXml,
        String footerXml,
        Chunk samples,
        double[] clockTimes,
        double[] clockValues,
        List<Segment> segments,
        List<Segment> clockSegments,
        double effectiveRateHz) {

    public XdfStream {
        segments = List.copyOf(segments);
        clockSegments = List.copyOf(clockSegments);
    }

    public int sampleCount() {
        return samples.sampleCount();
    }
}
