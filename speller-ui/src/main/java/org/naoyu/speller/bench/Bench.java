package org.naoyu.speller.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;

/**
 * The bench at one sampling rate and decoder: measures the pipeline at a channel count, first in-process as fast as
 * possible ({@link FastestRun}), then in real time through LSL ({@link RealTimeRun}), on a model of that shape
 * trained once per channel count. Its models and the sessions' recordings live in a scratch directory that
 * {@link #close} deletes.
 */
public final class Bench implements AutoCloseable {
    private final double rateHz;
    private final TrainedModel.Kind decoder;
    private final PrintWriter progress;
    private final Path work;
    private final FastestRun fastest;
    private final RealTimeRun realTime;

    /**
     * @param decoder  the kind of decoder timed: the DL4J network, the linear baseline or the templates
     * @param progress where each step says what it does and what it measured
     */
    public Bench(double rateHz, TrainedModel.Kind decoder, SentenceDecoder language, PrintWriter progress)
            throws IOException {
        this.rateHz = rateHz;
        this.decoder = decoder;
        this.progress = progress;
        this.work = Files.createTempDirectory("naoyu-bench-");
        this.fastest = new FastestRun(rateHz, language, progress);
        this.realTime = new RealTimeRun(rateHz, language, work, progress);
    }

    /** Everything at {@code channels}: as fast as possible on up to 30 s of signal, then {@code realSeconds} live. */
    public Measurement measure(int channels, double realSeconds) throws Exception {
        ModelFile.Loaded model = model(channels);
        AsFastAsPossible asFastAsPossible = fastest.measure(model, channels, Math.min(30, realSeconds));
        RealTime live = realTime.measure(model, channels, realSeconds);
        return new Measurement(channels, rateHz, decoderName(), live, asFastAsPossible);
    }

    /** Only the as-fast-as-possible run at {@code channels}, on {@code signalSeconds} of signal. */
    public AsFastAsPossible fastest(int channels, double signalSeconds) throws Exception {
        return fastest.measure(model(channels), channels, signalSeconds);
    }

    /** "network", "linear" or "templates". */
    public String decoderName() {
        return BenchModel.decoderName(decoder);
    }

    private ModelFile.Loaded model(int channels) throws Exception {
        return ModelFile.load(BenchModel.trained(channels, rateHz, decoder, work, progress));
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
