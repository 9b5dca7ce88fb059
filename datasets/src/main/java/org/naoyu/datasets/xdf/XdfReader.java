package org.naoyu.datasets.xdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole XDF file into memory, with pyxdf's processing and defaults: clock synchronisation from the
 * ClockOffset chunks (with clock-reset handling) and jitter removal. Counted samples are trusted, not the footer. A
 * damaged region is skipped up to the next Boundary chunk and reported in {@link XdfRecording#problems()}; a file that
 * is not XDF at all is an {@link XdfFormatException}.
 *
 * <pre>{@code
 * XdfRecording recording = XdfReader.read(Path.of("session.xdf"), XdfReader.Options.defaults());
 * }</pre>
 *
 * For files larger than memory, walk them with {@link XdfChunkReader}.
 */
public final class XdfReader {
    private static final Logger LOG = LoggerFactory.getLogger(XdfReader.class);

    /** pyxdf's {@code load_xdf} options, with its defaults. */
    public record Options(
            boolean synchronizeClocks,
            boolean handleClockResets,
            boolean dejitterTimestamps,
            double jitterBreakThresholdSeconds,
            int jitterBreakThresholdSamples,
            double resetThresholdSeconds,
            double resetThresholdStds,
            double resetThresholdOffsetSeconds,
            double resetThresholdOffsetStds,
            double winsorThreshold) {

        public static Options defaults() {
            return new Options(true, true, true, 1, 500, 5, 5, 1, 10, 0.0001);
        }

        /** Timestamps exactly as recorded: no clock synchronisation, no dejittering. */
        public static Options raw() {
            return defaults().withSynchronizeClocks(false).withDejitter(false);
        }

        public Options withSynchronizeClocks(boolean value) {
            return new Options(value, handleClockResets, dejitterTimestamps, jitterBreakThresholdSeconds,
                    jitterBreakThresholdSamples, resetThresholdSeconds, resetThresholdStds,
                    resetThresholdOffsetSeconds, resetThresholdOffsetStds, winsorThreshold);
        }

        public Options withDejitter(boolean value) {
            return new Options(synchronizeClocks, handleClockResets, value, jitterBreakThresholdSeconds,
                    jitterBreakThresholdSamples, resetThresholdSeconds, resetThresholdStds,
                    resetThresholdOffsetSeconds, resetThresholdOffsetStds, winsorThreshold);
        }

        public Options withJitterBreak(double seconds, int samples) {
            return new Options(synchronizeClocks, handleClockResets, dejitterTimestamps, seconds, samples,
                    resetThresholdSeconds, resetThresholdStds, resetThresholdOffsetSeconds, resetThresholdOffsetStds,
                    winsorThreshold);
        }
    }

    /** A stream being collected. */
    private static final class Collector {
        final int streamId;
        final StreamInfo info;
        final String headerXml;
        final long headerOffset;
        String footerXml = "";
        final List<Chunk> chunks = new ArrayList<>();
        final DoubleList clockTimes = new DoubleList();
        final DoubleList clockValues = new DoubleList();
        int samples;

        Collector(int streamId, StreamInfo info, String headerXml, long headerOffset) {
            this.streamId = streamId;
            this.info = info;
            this.headerXml = headerXml;
            this.headerOffset = headerOffset;
        }
    }

    private XdfReader() {
    }

    public static XdfRecording read(Path file, Options options) throws IOException {
        Map<Integer, Collector> streams = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String fileHeader = "";
        try (XdfChunkReader reader = new XdfChunkReader(file)) {
            while (true) {
                XdfChunk chunk;
                try {
                    chunk = reader.next();
                } catch (XdfFormatException damage) {
                    problems.add(damage.getMessage());
                    // reported to the caller through problems(); the log only traces it
                    if (damage.chunkSkipped()) {
                        LOG.debug("{}; skipped that chunk", damage.getMessage());
                        continue;
                    }
                    LOG.debug("{}; resuming at the next boundary chunk", damage.getMessage());
                    if (!reader.skipToBoundary()) {
                        break;
                    }
                    continue;
                }
                if (chunk == null) {
                    break;
                }
                if (chunk instanceof XdfChunk.FileHeader header) {
                    fileHeader = header.xml();
                } else if (chunk instanceof XdfChunk.StreamHeader header) {
                    XdfChunkReader.StreamFormat format = reader.format(header.streamId());
                    streams.putIfAbsent(header.streamId(),
                            new Collector(header.streamId(), format.info(), header.xml(), header.offset()));
                } else if (chunk instanceof XdfChunk.Samples samples) {
                    Collector collector = streams.get(samples.streamId());
                    collector.chunks.add(samples.samples());
                    collector.samples += samples.samples().sampleCount();
                } else if (chunk instanceof XdfChunk.ClockOffset offset) {
                    Collector collector = streams.get(offset.streamId());
                    if (collector == null) {
                        problems.add(file + ", byte " + offset.offset() + ": a ClockOffset of stream "
                                + Integer.toUnsignedString(offset.streamId()) + " that has no header; ignored");
                    } else {
                        collector.clockTimes.add(offset.collectionTime());
                        collector.clockValues.add(offset.offsetValue());
                    }
                } else if (chunk instanceof XdfChunk.StreamFooter footer) {
                    Collector collector = streams.get(footer.streamId());
                    if (collector != null) {
                        collector.footerXml = footer.xml();
                    }
                }
            }
        }
        List<XdfStream> result = new ArrayList<>();
        for (Collector collector : streams.values()) {
            result.add(finish(collector, options, file, problems));
        }
        return new XdfRecording(file, fileHeader, result, problems);
    }

    private static XdfStream finish(Collector c, Options options, Path path, List<String> problems) {
        Chunk all = Chunk.allocate(c.info.format(), c.info.channelCount(), c.samples);
        int at = 0;
        for (Chunk part : c.chunks) {
            System.arraycopy(part.timestamps(), 0, all.timestamps(), at, part.sampleCount());
            System.arraycopy(part.valueArray(), 0, all.valueArray(), at * c.info.channelCount(),
                    part.sampleCount() * c.info.channelCount());
            at += part.sampleCount();
        }
        double[] t = all.timestamps();
        double[] clockTimes = c.clockTimes.toArray();
        double[] clockValues = c.clockValues.toArray();
        List<Segment> clockSegments = List.of();
        if (options.synchronizeClocks() && clockTimes.length > 0 && t.length > 0) {
            List<ClockSync.Fit> fits = new ArrayList<>();
            boolean usable = true;
            for (int[] range : ClockSync.ranges(clockTimes, clockValues, options)) {
                ClockSync.Fit fit = ClockSync.fit(clockTimes, clockValues, range[0], range[1],
                        options.winsorThreshold());
                usable &= Double.isFinite(fit.intercept()) && Double.isFinite(fit.slope());
                fits.add(fit);
            }
            if (usable) {
                clockSegments = ClockSync.apply(t, clockTimes, fits);
            } else {
                problems.add(path + ", byte " + c.headerOffset + ": the clock offsets of stream '" + c.info.name()
                        + "' (header here) give no usable fit; its timestamps are left unsynchronised");
            }
        }
        List<Segment> segments;
        double effectiveRate;
        if (options.dejitterTimestamps()) {
            segments = Dejitter.segments(t, c.info.nominalRateHz(), options.jitterBreakThresholdSeconds(),
                    options.jitterBreakThresholdSamples());
            if (!c.info.isIrregular()) {
                Dejitter.fit(t, segments);
                effectiveRate = Dejitter.effectiveRate(t, segments);
            } else {
                effectiveRate = 0;
            }
        } else {
            segments = t.length == 0 ? List.of() : List.of(new Segment(0, t.length - 1));
            effectiveRate = t.length > 1 && t[t.length - 1] != t[0] ? (t.length - 1) / (t[t.length - 1] - t[0]) : 0;
        }
        return new XdfStream(c.streamId, c.info, c.headerXml, c.footerXml, all, clockTimes, clockValues, segments,
                clockSegments, effectiveRate);
    }

    /** A growable list of doubles without boxing. */
    static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
