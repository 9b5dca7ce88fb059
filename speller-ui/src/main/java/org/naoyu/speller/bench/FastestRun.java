package org.naoyu.speller.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.simulate.BadChannel;
import org.naoyu.datasets.simulate.EcogSimulator;
import org.naoyu.datasets.simulate.TimedMarker;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.SpellerPipeline;

/**
 * The pipeline in-process on pre-simulated signal, as fast as it goes, after a warm-up of 5 s of the same signal:
 * the real-time factor, without LSL, the web server or a clock to wait for.
 */
public final class FastestRun {
    private static final double WARM_UP_SECONDS = 5;

    private final double rateHz;
    private final SentenceDecoder language;
    private final PrintWriter progress;

    public FastestRun(double rateHz, SentenceDecoder language, PrintWriter progress) {
        this.rateHz = rateHz;
        this.language = language;
        this.progress = progress;
    }

    public AsFastAsPossible measure(ModelFile.Loaded model, int channels, double signalSeconds) {
        EcogSimulator simulator = new EcogSimulator(DemoSetup.simulator(channels, rateHz, 6, 3));
        int total = (int) Math.round(signalSeconds * rateHz);
        float[] signal = new float[total * channels];
        List<TimedMarker> markers = new ArrayList<>();
        int second = (int) rateHz;
        float[] piece = new float[second * channels];
        for (int done = 0; done < total; done += second) {
            int n = Math.min(second, total - done);
            simulator.next(piece, n, markers);
            System.arraycopy(piece, 0, signal, done * channels, n * channels);
        }
        List<Integer> bad = simulator.badChannels().stream().map(BadChannel::channel).toList();
        run(model, channels, signal, Math.min(total, (int) (WARM_UP_SECONDS * second)), markers, bad,
                new LatencyStats());
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        run(model, channels, signal, total, markers, bad, stats);
        double wall = (System.nanoTime() - start) / 1e9;
        AsFastAsPossible result = new AsFastAsPossible(signalSeconds, wall, signalSeconds / wall,
                stats.summaries().stream().map(Stage::of).toList());
        progress.printf(Locale.ROOT, "  %d ch: as fast as possible: %.0f s of signal in %.2f s, real-time factor "
                + "%.1f%n", channels, signalSeconds, wall, result.realTimeFactor());
        progress.flush();
        return result;
    }

    /** The first {@code samples} of the signal through a fresh pipeline in 10-ms blocks, markers on their sample. */
    private void run(ModelFile.Loaded model, int channels, float[] signal, int samples, List<TimedMarker> markers,
            List<Integer> bad, LatencyStats stats) {
        SpellerPipeline pipeline = new SpellerPipeline(model, channels, bad, language, new SpellerPipeline.Listener() {
            @Override
            public void attempt(SpellerPipeline.Attempt attempt) {
            }

            @Override
            public void sentence(SpellerPipeline.Sentence sentence) {
            }
        }, stats);
        int block = (int) Math.round(rateHz / 100); // 10-ms blocks, as the simulator's outlet sends them
        double[] values = new double[block * channels];
        int next = 0;
        for (int s = 0; s + block <= samples; s += block) {
            while (next < markers.size() && markers.get(next).sample() < s + block) {
                TimedMarker m = markers.get(next++);
                pipeline.marker(m.sample() / rateHz, m.marker().format());
            }
            for (int i = 0; i < block * channels; i++) {
                values[i] = signal[s * channels + i];
            }
            pipeline.samples(values, block, s / rateHz);
        }
    }
}
