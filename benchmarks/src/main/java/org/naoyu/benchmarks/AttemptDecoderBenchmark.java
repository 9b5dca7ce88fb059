package org.naoyu.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.DualHeadNetwork;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.NetworkTrainer;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.TemplateTrainer;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetTrainer;
import org.naoyu.decoder.stream.AttemptDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Streaming inference with the default network over a 1-s window of 100 frames/s high gamma, with {@code heads}
 * {@code whole} ({@link NetworkTrainer#DEFAULT}'s shape, 400 base syllables in 5 tones: NeuroXess's inventory is 394
 * toned syllables) or {@code parts} ({@link NetworkTrainer#defaults}' shape for part heads, with its linear path,
 * answering with all 1,391 toned syllables of the inventory) or {@code templates} (the generative template decoder
 * with its model of each attempt's variability, {@link TemplateTrainer#DEFAULT}'s, scoring all 1,391 at ten stretches;
 * fitted on random trials, since its arithmetic does not depend on what it learned):
 * <ul>
 *   <li>{@code decodeAttempt}: one frame arrives and completes a cued attempt's window, which is then decoded and its
 *       five best toned syllables ranked among everything the model answers with, as the speller hands them to the
 *       language model — the time from the attempt's last frame to its candidates (issue 7: &lt; 10 ms p99 on one
 *       core; issue 18: also with 1,391 outputs);</li>
 *   <li>{@code frameWithOnsetDetector}: one frame through the self-paced path, the onset detector's per-frame cost;</li>
 *   <li>{@code frameWhileAnAttemptWaits}: the same while an attempt's window is filling, with the decoder network's
 *       convolution kept up frame by frame.</li>
 * </ul>
 * The weights are untrained (the arithmetic is the same). Run on one core, as the budget states:
 * {@code OMP_NUM_THREADS=1 taskset -c 0 java -jar benchmarks/target/benchmarks.jar AttemptDecoder -bm sample}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AttemptDecoderBenchmark {
    @Param({"64", "256"})
    public int channels;

    @Param({"whole", "parts", "templates"})
    public String heads;

    private List<TonedSyllable> outputs;
    private List<Posteriors.Scored> candidates;

    private AttemptDecoder decoder;
    private double[] frame;
    private double time;
    private int decoded;

    @Setup
    public void start() {
        TrainedModel model;
        if (heads.equals("templates")) {
            model = randomTemplates(channels);
        } else if (Heads.parse(heads) == Heads.PARTS) {
            List<TonedSyllable> language = SyllableInventory.standard().syllables().stream()
                    .map(s -> TonedSyllable.parse(s.toned())).toList();
            model = new DualHeadNetwork(List.of(), channels, 100, NetworkTrainer.defaults(Heads.PARTS).settings(),
                    Heads.PARTS, language, 0).model();
        } else {
            List<String> bases = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                bases.add("b" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26));
            }
            model = new DualHeadNetwork(bases, channels, 100, DualHeadNetwork.Settings.DEFAULT).model();
        }
        outputs = model.outputs();
        OnsetDetector onset = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 1, 0.2, 0.6, 1)
                .train(List.of(session(channels)), line -> { }).detector();
        decoder = new AttemptDecoder(model, EpochConfig.ONSET_LOCKED, 100, onset, a -> {
            candidates = a.posteriors().topToned(outputs, 5);
            decoded++;
        });
        frame = new double[channels];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < channels; i++) {
            frame[i] = random.nextGaussian();
        }
        for (int f = 0; f < 200; f++) { // fill the ring
            step();
        }
    }

    private void step() {
        time += 0.01;
        decoder.accept(time, frame);
    }

    /** Frames since the waiting attempt of {@code frameWhileAnAttemptWaits} was cued. */
    private int waitingFrames;
    private int decodedBefore;

    /**
     * Before each invocation, what the benchmark needs (JMH gives nested states their own instance of this class, so
     * the preparation lives here and asks which benchmark runs):
     * <ul>
     *   <li>{@code decodeAttempt}: an attempt cued as a task cues it, before its window begins, and the frames of its
     *       window but the last, so that the measured frame is the one that completes it;</li>
     *   <li>{@code frameWhileAnAttemptWaits}: an attempt whose window has begun and is not about to end.</li>
     * </ul>
     */
    @Setup(Level.Invocation)
    public void prepare(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".decodeAttempt")) {
            if (decoder.pendingAttempts() == 0) {
                decoder.cue(time + 0.01 + 0.1, "b1"); // its window (-0.1 s to +0.9 s) begins with the next frame
                for (int f = 0; f < 99; f++) {
                    step();
                }
            }
            decodedBefore = decoded;
        } else if (benchmark.endsWith(".frameWhileAnAttemptWaits")) {
            if (waitingFrames == 0 || waitingFrames == 50) {
                decoder.cancelPending();
                decoder.cue(time + 0.01 + 0.1, "b1");
                waitingFrames = 0;
            }
            waitingFrames++;
        }
    }

    /** The measured frame of {@code decodeAttempt} must be the one that decoded the attempt, or it measured nothing. */
    @TearDown(Level.Invocation)
    public void checkTheAttemptWasDecoded(BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".decodeAttempt") && decoded != decodedBefore + 1) {
            throw new IllegalStateException("the measured frame did not complete the attempt's window");
        }
    }

    /** The frame that completes an attempt's window, and the decode: from the last frame to the posteriors. */
    @Benchmark
    public int decodeAttempt() {
        step();
        return decoded;
    }

    @Benchmark
    public int frameWithOnsetDetector() {
        step();
        return decoded;
    }

    /** One frame while an attempt waits: the self-paced path plus the network's convolution for its window. */
    @Benchmark
    public int frameWhileAnAttemptWaits() {
        step();
        return decoded;
    }

    /**
     * A template model over all 1,391 syllables with its attempt variability, fitted on 400 random 1-s trials (each
     * part heard; the settings fixed, so no cross-validation).
     */
    private static TrainedModel randomTemplates(int channels) {
        List<TonedSyllable> language = SyllableInventory.standard().syllables().stream()
                .map(s -> TonedSyllable.parse(s.toned())).toList();
        SplittableRandom random = new SplittableRandom(7);
        List<Epoch> trials = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            float[] values = new float[100 * channels];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            trials.add(new Epoch(n, language.get(n * 7 % language.size()), 100, channels, values));
        }
        TemplateTrainer fixed = new TemplateTrainer(5, List.of(12), List.of(8), List.of(0.5), List.of(4.0), 10, 5, 1,
                10, true);
        return fixed.train(trials, List.of(), language, progress -> { });
    }

    /** 60 s of noise frames with an attempt every 2 s, enough to give the onset detector its shape. */
    private static FrameSeries session(int channels) {
        SplittableRandom random = new SplittableRandom(5);
        int frames = 6000;
        double[] times = new double[frames];
        float[] values = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            times[f] = f / 100.0;
            boolean speech = f % 200 >= 50 && f % 200 < 100;
            for (int i = 0; i < channels; i++) {
                values[f * channels + i] = (float) (random.nextGaussian() + (speech && i < 8 ? 2 : 0));
            }
        }
        List<TaskEvent> events = new ArrayList<>();
        for (int f = 50; f < frames; f += 200) {
            events.add(new TaskEvent(f / 100.0, "speech_onset", "ma1"));
            events.add(new TaskEvent((f + 50) / 100.0, "speech_offset", "ma1"));
        }
        return new FrameSeries(times, values, channels, 100, events);
    }
}
