package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.corpus.TaskMarker;

/**
 * The ECoG speech simulator: a streaming source of µV samples from a grid over the ventral sensorimotor cortex of a
 * participant attempting Mandarin syllables, with its task markers as ground truth. Each channel is
 *
 * <pre>
 *   x = gain · (background + rhythms + high-gamma + low-frequency component + line noise + floor + artifacts) + offset
 * </pre>
 *
 * where the background is spatially correlated 1/f^χ noise, the high-gamma component is 70–150 Hz band-limited noise
 * whose amplitude follows the articulators' activation weighted by the {@link SomatotopicMap}, and the low-frequency
 * component is a slow negative deflection following the same activation. docs/SIMULATOR.md explains the model, its
 * parameters and the literature behind it. Bad channels then override their values.
 *
 * <p>Deterministic: the same {@link SimulatorConfig} gives the same samples and markers, whatever block sizes
 * {@link #next} is called with. Not thread-safe; allocation-free per sample.
 */
public final class EcogSimulator {
    /** The amplifier's range: a railed channel sits at plus or minus this. */
    public static final double RAIL_MICROVOLTS = 8000;
    private static final int PIECE = 64;
    private static final double KNEE_HZ = 0.5;
    private static final double LFC_TIME_CONSTANT_SECONDS = 0.1;
    private static final double LOOKAHEAD_SECONDS = 5;

    private final SimulatorConfig config;
    private final ElectrodeGrid grid;
    private final int channels;
    private final double rate;
    private final SomatotopicMap map;
    private final List<BadChannel> badChannels;
    private final BadChannel.Kind[] badKind;
    private final double[] railSign;
    private final double[] gain;
    private final double[] offset;
    private final SimRandom noise;
    private final SimRandom events;

    private final SpatialField background;
    private final PowerLawShaper[] local;
    private final double commonWeight;
    private final double localWeight;

    private final Rhythms rhythms;
    private final LineNoise line;
    private final double[] lineCoupling;

    private final int[][] tunedArticulators;
    private final double[][] tunedWeights;
    private final Biquad[] highGammaHighPass;
    private final Biquad[] highGammaLowPass;
    private final double highGammaScale;
    private final double highGammaAmplitude;
    private final double lowFrequencyAmplitude;
    private final double desynchronisation;
    private final double lfcCoefficient;
    private final int rampSamples;

    private final TaskSchedule schedule;
    /** Markers not yet produced, in time order; equal times keep the order they were scheduled in. */
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong((Pending p) -> p.marker().sample()).thenComparingLong(Pending::order));
    private long scheduledMarkers;
    private final List<ScheduledGesture> active = new ArrayList<>();
    private final Artifacts artifacts;
    private long nextTrialStart;
    private long position;

    private final double[][] activation;
    private final double[][] slowActivation;
    private final double[] slowState;
    private final double[] engagement;
    private final double[] lineBuffer;
    private final double[] columnBuffer;
    /** Samples are made a piece at a time so that the numbers do not depend on the block sizes callers ask for. */
    private final float[] piece;
    private final List<TimedMarker> pieceMarkers = new ArrayList<>();
    private int pieceServed = PIECE;

    private record Pending(TimedMarker marker, long order) {
    }

    public EcogSimulator(SimulatorConfig config) {
        this.config = config;
        this.grid = config.grid();
        this.channels = grid.channelCount();
        this.rate = config.sampleRateHz();
        this.map = SomatotopicMap.of(grid, config.participant());
        SimRandom body = new SimRandom(config.participant(), 0xB0D7L);
        this.gain = new double[channels];
        this.offset = new double[channels];
        for (int c = 0; c < channels; c++) {
            gain[c] = body.logNormal(0.1);
            offset[c] = body.uniform(-150, 150);
        }
        this.noise = new SimRandom(config.seed(), 0x4015EL);
        this.events = new SimRandom(config.seed(), 0xE7E7L);
        this.badChannels = chooseBadChannels(config, new SimRandom(config.seed(), 0xBADL));
        this.badKind = new BadChannel.Kind[channels];
        this.railSign = new double[channels];
        for (BadChannel bad : badChannels) {
            badKind[bad.channel()] = bad.kind();
            railSign[bad.channel()] = events.nextDouble() < 0.5 ? -1 : 1;
        }

        double exponent = config.spectralExponent();
        this.background = new SpatialField(grid, () -> new PowerLawShaper(exponent, KNEE_HZ, rate));
        this.local = new PowerLawShaper[channels];
        for (int c = 0; c < channels; c++) {
            local[c] = new PowerLawShaper(exponent, KNEE_HZ, rate);
        }
        this.commonWeight = config.backgroundMicrovolts() * StrictMath.sqrt(config.spatialCorrelation());
        this.localWeight = config.backgroundMicrovolts() * StrictMath.sqrt(1 - config.spatialCorrelation());

        this.rhythms = new Rhythms(grid, rate, config.alphaMicrovolts(), config.betaMicrovolts(),
                new SimRandom(config.participant(), 0x0A1FL));
        this.line = new LineNoise(config.lineFrequencyHz(), config.lineNoiseMicrovolts(), rate,
                new SimRandom(config.seed(), 0x11EL));
        this.lineCoupling = new double[channels];
        double tilt = body.uniform(0, 2 * StrictMath.PI);
        for (int c = 0; c < channels; c++) {
            double along = StrictMath.cos(tilt) * (grid.anteroPosterior(c) - 0.5) + StrictMath.sin(tilt) * (grid.dorsoVentral(c) - 0.5);
            lineCoupling[c] = (1 + 0.6 * along) * body.logNormal(0.3);
        }

        this.tunedArticulators = new int[channels][];
        this.tunedWeights = new double[channels][];
        this.highGammaHighPass = new Biquad[channels];
        this.highGammaLowPass = new Biquad[channels];
        HighGammaBand band = HighGammaBand.of(config);
        double lowHz = band.lowHz();
        double highHz = band.highHz();
        Biquad highPass = Biquad.highPass(lowHz, rate);
        Biquad lowPass = Biquad.lowPass(highHz, rate);
        for (int c = 0; c < channels; c++) {
            tunedArticulators[c] = map.tunedArticulators(c);
            tunedWeights[c] = map.tunedWeights(c);
            if (tunedArticulators[c].length > 0) {
                highGammaHighPass[c] = highPass.copy();
                highGammaLowPass[c] = lowPass.copy();
            }
        }
        // unit variance inside the band (the skirts of a 4th-order band-pass leak power outside it), so that
        // the SNR compares in-band power with in-band power
        this.highGammaScale = 1 / StrictMath.sqrt(Responses.bandVariance(o -> highPass.powerGain(o) * lowPass.powerGain(o),
                Responses.omega(lowHz, rate), Responses.omega(highHz, rate)));
        this.highGammaAmplitude = band.speechAmplitude(config);
        this.lowFrequencyAmplitude = config.snr() * 0.25 * config.backgroundMicrovolts();
        this.desynchronisation = 0.5 * StrictMath.min(1, config.snr());
        this.lfcCoefficient = 1 - StrictMath.exp(-1 / (LFC_TIME_CONSTANT_SECONDS * rate));
        this.rampSamples = StrictMath.max(1, (int) StrictMath.round(ScheduledGesture.RAMP_SECONDS * rate));

        this.schedule = new TaskSchedule(config);
        this.artifacts = new Artifacts(grid, rate, config.movementsPerMinute(), config.popsPerMinute(), events);
        this.nextTrialStart = StrictMath.round(2 * rate); // two seconds of rest open the session

        int articulators = Articulator.values().length;
        this.activation = new double[articulators][PIECE];
        this.slowActivation = new double[articulators][PIECE];
        this.slowState = new double[articulators];
        this.engagement = new double[PIECE];
        this.lineBuffer = new double[PIECE];
        this.columnBuffer = new double[PIECE];
        this.piece = new float[PIECE * channels];
    }

    private static double square(double x) {
        return x * x;
    }

    private static List<BadChannel> chooseBadChannels(SimulatorConfig config, SimRandom random) {
        List<BadChannel> bad = new ArrayList<>(config.badChannels());
        BadChannel.Kind[] kinds = {BadChannel.Kind.NOISY, BadChannel.Kind.FLAT, BadChannel.Kind.RAILED};
        int channels = config.grid().channelCount();
        for (int i = 0; i < config.randomBadChannels(); i++) {
            int channel;
            do {
                channel = random.nextInt(channels);
            } while (isListed(bad, channel));
            bad.add(new BadChannel(channel, kinds[i % kinds.length]));
        }
        bad.sort(Comparator.comparingInt(BadChannel::channel));
        return List.copyOf(bad);
    }

    private static boolean isListed(List<BadChannel> bad, int channel) {
        return bad.stream().anyMatch(b -> b.channel() == channel);
    }

    public SimulatorConfig config() {
        return config;
    }

    public SomatotopicMap map() {
        return map;
    }

    /** The configured bad channels and those chosen at random, by channel. */
    public List<BadChannel> badChannels() {
        return badChannels;
    }

    /** The signal stream's metadata: float32 µV channels with their grid labels and positions. */
    public StreamInfo signalInfo(String name, String sourceId) {
        return StreamInfo.builder(name, channels, rate, ChannelFormat.FLOAT32).type("ECoG").sourceId(sourceId)
                .channels(grid.channels()).build();
    }

    /** The marker stream's metadata: one string channel, irregular rate. */
    public static StreamInfo markerInfo(String name, String sourceId) {
        return StreamInfo.builder(name, 1, 0, ChannelFormat.STRING).type("Markers").sourceId(sourceId).build();
    }

    /**
     * Produces the next {@code samples} samples, sample-major ({@code out[s · channels + c]}, µV), and adds the
     * markers that fall on them to {@code markers} in time order.
     */
    public void next(float[] out, int samples, List<TimedMarker> markers) {
        if (samples < 0 || (long) samples * channels > out.length) {
            throw new IllegalArgumentException("out must hold samples x channels = " + samples + " x " + channels
                    + " values, has " + out.length);
        }
        for (int done = 0; done < samples; ) {
            if (pieceServed == PIECE) {
                generatePiece();
                pieceServed = 0;
            }
            int length = StrictMath.min(PIECE - pieceServed, samples - done);
            System.arraycopy(piece, pieceServed * channels, out, done * channels, length * channels);
            long servedEnd = position - PIECE + pieceServed + length;
            while (!pieceMarkers.isEmpty() && pieceMarkers.get(0).sample() < servedEnd) {
                markers.add(pieceMarkers.remove(0));
            }
            pieceServed += length;
            done += length;
        }
    }

    /**
     * A task stream's marker, seen by the participant at {@code sample} (the {@link SimulatorConfig.Task#FOLLOW}
     * task): a go cue is attempted after a reaction time, and every cue is echoed on the participant's markers (at
     * a sample already handed out, it moves to the next one). Returns false, attempting nothing, for a marker that is not a cue
     * to the participant (speech onsets, sentence ends) or names no syllable of the inventory.
     */
    public boolean follow(TaskMarker marker, long sample) {
        if (config.task() != SimulatorConfig.Task.FOLLOW) {
            throw new IllegalStateException("follow needs the follow task, this simulator runs " + config.task());
        }
        // a cue keeps its time unless a sample after it has already gone out; the attempt can only start in samples
        // not yet made (the simulator makes them a piece ahead of handing them out)
        long at = StrictMath.max(sample, samplesServed());
        switch (marker.kind()) {
            case GO -> {
                TaskSchedule.Trial trial;
                try {
                    trial = schedule.followed(marker.label(), at, position + 1);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                for (TimedMarker m : trial.markers()) {
                    pending.add(new Pending(m, scheduledMarkers++));
                }
                active.addAll(trial.gestures());
                return true;
            }
            case CUE, REST -> {
                pending.add(new Pending(new TimedMarker(at, marker), scheduledMarkers++));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Samples handed out so far. */
    public long samplesServed() {
        return position - PIECE + pieceServed;
    }

    private void generatePiece() {
        int length = PIECE;
        long end = position + length;
        scheduleUntil(end + StrictMath.round(LOOKAHEAD_SECONDS * rate));
        while (!pending.isEmpty() && pending.peek().marker().sample() < end) {
            pieceMarkers.add(pending.poll().marker());
        }
        boolean speech = renderActivation(length);
        background.advance(length, noise);
        rhythms.advance(length, noise, engagement, speech ? desynchronisation : 0);
        line.render(position, length, lineBuffer);
        artifacts.advance(position, length);

        for (int c = 0; c < channels; c++) {
            double[] x = columnBuffer;
            background.mixInto(c, commonWeight, x, length);
            PowerLawShaper own = local[c];
            double coupling = lineCoupling[c];
            double floor = config.noiseFloorMicrovolts();
            for (int n = 0; n < length; n++) {
                x[n] += localWeight * own.next(noise.nextGaussian()) + coupling * lineBuffer[n]
                        + floor * noise.nextGaussian();
            }
            rhythms.addTo(c, x, length);
            if (speech && tunedArticulators[c].length > 0) {
                addSpeech(c, x, length);
            }
            artifacts.addTo(c, x, length, noise);
            write(c, x, piece, 0, length, coupling);
        }
        position = end;
    }

    private void write(int c, double[] x, float[] out, int outSample, int length, double coupling) {
        BadChannel.Kind bad = badKind[c];
        double g = gain[c];
        double o = offset[c];
        int stride = channels;
        int index = outSample * stride + c;
        if (bad == null) {
            for (int n = 0; n < length; n++, index += stride) {
                out[index] = (float) (g * x[n] + o);
            }
            return;
        }
        switch (bad) {
            case FLAT -> {
                for (int n = 0; n < length; n++, index += stride) {
                    out[index] = (float) o;
                }
            }
            case RAILED -> {
                for (int n = 0; n < length; n++, index += stride) {
                    out[index] = (float) (railSign[c] * RAIL_MICROVOLTS);
                }
            }
            case NOISY -> {
                double extra = 10 * config.backgroundMicrovolts();
                for (int n = 0; n < length; n++, index += stride) {
                    out[index] = (float) (g * (x[n] + extra * noise.nextGaussian() + 7 * coupling * lineBuffer[n]) + o);
                }
            }
            default -> throw new IllegalStateException("unhandled bad channel kind " + bad);
        }
    }

    /** High-gamma amplitude modulation and the low-frequency component of one responsive channel. */
    private void addSpeech(int c, double[] x, int length) {
        int[] tuned = tunedArticulators[c];
        double[] weights = tunedWeights[c];
        Biquad highPass = highGammaHighPass[c];
        Biquad lowPass = highGammaLowPass[c];
        for (int n = 0; n < length; n++) {
            double drive = 0;
            double slow = 0;
            for (int k = 0; k < tuned.length; k++) {
                drive += weights[k] * activation[tuned[k]][n];
                slow += weights[k] * slowActivation[tuned[k]][n];
            }
            double band = lowPass.next(highPass.next(noise.nextGaussian())) * highGammaScale;
            x[n] += highGammaAmplitude * drive * band - lowFrequencyAmplitude * slow;
        }
    }

    /** Fills the articulators' activation for this piece; false when there is no speech activity at all. */
    private boolean renderActivation(int length) {
        int articulators = activation.length;
        for (double[] row : activation) {
            java.util.Arrays.fill(row, 0, length, 0);
        }
        boolean any = false;
        for (ScheduledGesture gesture : active) {
            if (gesture.startSample() < position + length) {
                gesture.render(activation[gesture.articulator().ordinal()], position, length, rampSamples);
                any = true;
            }
        }
        active.removeIf(g -> g.endsBefore(position + length, rampSamples));
        java.util.Arrays.fill(engagement, 0, length, 0);
        for (int a = 0; a < articulators; a++) {
            double state = slowState[a];
            double[] act = activation[a];
            double[] slow = slowActivation[a];
            for (int n = 0; n < length; n++) {
                state += lfcCoefficient * (act[n] - state);
                slow[n] = state;
                engagement[n] += act[n];
            }
            slowState[a] = state;
            any |= state > 1e-4;
        }
        for (int n = 0; n < length; n++) {
            engagement[n] = StrictMath.min(1, engagement[n] / 2);
        }
        return any;
    }

    private void scheduleUntil(long horizon) {
        while (config.task() != SimulatorConfig.Task.REST && config.task() != SimulatorConfig.Task.FOLLOW
                && nextTrialStart < horizon) {
            TaskSchedule.Trial trial = schedule.next(nextTrialStart);
            for (TimedMarker marker : trial.markers()) {
                pending.add(new Pending(marker, scheduledMarkers++));
            }
            active.addAll(trial.gestures());
            nextTrialStart = trial.endSample();
        }
        for (TimedMarker artifact : artifacts.scheduleUntil(horizon)) {
            pending.add(new Pending(artifact, scheduledMarkers++));
        }
    }
}
