package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.naoyu.datasets.corpus.Sentence;

/**
 * Everything that shapes a simulated session; with the same config (seeds included) the simulator produces the same
 * samples. Build with {@link #builder()}; every default is documented in docs/SIMULATOR.md.
 *
 * @param grid                 electrode layout
 * @param sampleRateHz         sampling rate, in [250, 10000] Hz
 * @param task                 what the simulated participant does
 * @param cues                 toned syllables to cue in the syllable task; empty = a calibration list from the
 *                             inventory (every base syllable, or every toned syllable with {@code allTones})
 * @param allTones             calibrate every toned syllable rather than every base syllable once
 * @param heldOutSentences     the sentence task uses the held-out evaluation sentences
 * @param sentences            the sentences of the sentence task when chosen (e.g. a demo's); empty = the corpus's
 * @param snr                  speech-evoked high-gamma amplitude over the background's high-gamma amplitude at a fully
 *                             engaged electrode, in [0, 20]; it scales every speech-related component
 * @param seed                 noise, trials, artifacts and random bad channels
 * @param participant          the cortex: where each articulator lies on the grid, gains and offsets; keep it and change
 *                             {@code seed} for another session of the same participant
 * @param lineFrequencyHz      mains frequency, 50 or 60
 * @param lineNoiseMicrovolts  amplitude of the mains fundamental (0 = none), in [0, 1000]
 * @param backgroundMicrovolts RMS of the 1/f background, in [1, 1000]
 * @param spectralExponent     χ of the background's 1/f^χ power spectrum, in [0.5, 3.5]
 * @param spatialCorrelation   share of background variance common to neighbouring electrodes, in [0, 1)
 * @param alphaMicrovolts      RMS of the alpha rhythm (about 10 Hz; 0 = none), in [0, 500]
 * @param betaMicrovolts       RMS of the beta rhythm (about 20 Hz; 0 = none), in [0, 500]
 * @param noiseFloorMicrovolts RMS of the amplifier's white noise, in [0, 100]
 * @param movementsPerMinute   rate of movement artifacts, in [0, 60]
 * @param popsPerMinute        rate of electrode pops, in [0, 60]
 * @param badChannels          channels spoiled on purpose
 * @param randomBadChannels    how many more bad channels to choose at random (by {@code seed}), noisy, flat, railed in
 *                             turn, in [0, channels / 4]
 * @param timing               durations of the task's phases
 */
public record SimulatorConfig(ElectrodeGrid grid, double sampleRateHz, Task task, List<String> cues, boolean allTones,
        boolean heldOutSentences, List<Sentence> sentences, double snr, long seed, long participant, double lineFrequencyHz,
        double lineNoiseMicrovolts, double backgroundMicrovolts, double spectralExponent, double spatialCorrelation,
        double alphaMicrovolts, double betaMicrovolts, double noiseFloorMicrovolts, double movementsPerMinute,
        double popsPerMinute, List<BadChannel> badChannels, int randomBadChannels, TaskTiming timing) {

    /** What the simulated participant does. */
    public enum Task {
        /** Cued single syllables: cue, go, attempt, rest (calibration). */
        SYLLABLES,
        /** Cued sentences attempted syllable by syllable with pauses. */
        SENTENCES,
        /** No speech: background, rhythms, line noise and artifacts only. */
        REST,
        /**
         * Attempts what a task stream cues, when it cues it ({@link EcogSimulator#follow}): the session presents the
         * task and the participant follows, as with a real participant. Nothing is scheduled otherwise.
         */
        FOLLOW;

        public static Task parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task must be syllables, sentences, rest or follow, got '" + text + "'");
            }
        }
    }

    /**
     * @param cueSeconds      how long a cue shows before the go signal, in [0.1, 10]
     * @param reactionSeconds median time from go to speech onset (log-normal, σ = 0.2), in [0.05, 3]
     * @param restSeconds     rest between trials (±20 %), in [0.2, 30]
     * @param pauseSeconds    pause between the syllables of a sentence (±20 %), in [0.05, 5]
     */
    public record TaskTiming(double cueSeconds, double reactionSeconds, double restSeconds, double pauseSeconds) {
        public static final TaskTiming DEFAULT = new TaskTiming(1.0, 0.45, 1.2, 0.35);

        public TaskTiming {
            range("cueSeconds", cueSeconds, 0.1, 10);
            range("reactionSeconds", reactionSeconds, 0.05, 3);
            range("restSeconds", restSeconds, 0.2, 30);
            range("pauseSeconds", pauseSeconds, 0.05, 5);
        }
    }

    /** Sampling rates the simulator accepts, in Hz. */
    public static final double MIN_SAMPLE_RATE_HZ = 250;
    public static final double MAX_SAMPLE_RATE_HZ = 10000;
    /** The largest speech-to-background ratio the simulator accepts (0 is no speech at all). */
    public static final double MAX_SNR = 20;
    /** The largest mains amplitude the simulator accepts, in µV. */
    public static final double MAX_LINE_NOISE_MICROVOLTS = 1000;

    /** How many random bad channels a grid of {@code channels} takes beside {@code listed} chosen ones. */
    public static int maxRandomBadChannels(int channels, int listed) {
        return Math.min(channels / 4, channels - listed);
    }

    public SimulatorConfig {
        if (grid == null || task == null || timing == null) {
            throw new IllegalArgumentException("grid, task and timing must not be null");
        }
        range("sampleRateHz", sampleRateHz, MIN_SAMPLE_RATE_HZ, MAX_SAMPLE_RATE_HZ);
        range("snr", snr, 0, MAX_SNR);
        if (lineFrequencyHz != 50 && lineFrequencyHz != 60) {
            throw new IllegalArgumentException("lineFrequencyHz must be 50 or 60, got " + number(lineFrequencyHz));
        }
        range("lineNoiseMicrovolts", lineNoiseMicrovolts, 0, MAX_LINE_NOISE_MICROVOLTS);
        range("backgroundMicrovolts", backgroundMicrovolts, 1, 1000);
        range("spectralExponent", spectralExponent, 0.5, 3.5);
        if (!(spatialCorrelation >= 0 && spatialCorrelation < 1)) {
            throw new IllegalArgumentException("spatialCorrelation must be in [0, 1), got " + spatialCorrelation);
        }
        range("alphaMicrovolts", alphaMicrovolts, 0, 500);
        range("betaMicrovolts", betaMicrovolts, 0, 500);
        range("noiseFloorMicrovolts", noiseFloorMicrovolts, 0, 100);
        range("movementsPerMinute", movementsPerMinute, 0, 60);
        range("popsPerMinute", popsPerMinute, 0, 60);
        cues = List.copyOf(cues);
        sentences = List.copyOf(sentences == null ? List.of() : sentences);
        badChannels = List.copyOf(badChannels);
        for (BadChannel bad : badChannels) {
            if (bad.channel() >= grid.channelCount()) {
                throw new IllegalArgumentException("bad channel " + (bad.channel() + 1) + " is not on the "
                        + grid.channelCount() + "-channel grid");
            }
        }
        if (badChannels.stream().map(BadChannel::channel).distinct().count() != badChannels.size()) {
            throw new IllegalArgumentException("each bad channel must be listed once, got " + badChannels.stream()
                    .map(b -> b.describe(grid)).toList());
        }
        int maxRandom = maxRandomBadChannels(grid.channelCount(), badChannels.size());
        if (randomBadChannels < 0 || randomBadChannels > maxRandom) {
            throw new IllegalArgumentException("randomBadChannels must be in [0, " + maxRandom + "] for "
                    + grid.channelCount() + " channels, got " + randomBadChannels);
        }
    }

    static void range(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + number(low) + ", " + number(high) + "], got "
                    + number(value));
        }
    }

    private static String number(double value) {
        return value == StrictMath.rint(value) && StrictMath.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.grid = grid;
        b.sampleRateHz = sampleRateHz;
        b.task = task;
        b.cues = cues;
        b.allTones = allTones;
        b.heldOutSentences = heldOutSentences;
        b.sentences = sentences;
        b.snr = snr;
        b.seed = seed;
        b.participant = participant;
        b.lineFrequencyHz = lineFrequencyHz;
        b.lineNoiseMicrovolts = lineNoiseMicrovolts;
        b.backgroundMicrovolts = backgroundMicrovolts;
        b.spectralExponent = spectralExponent;
        b.spatialCorrelation = spatialCorrelation;
        b.alphaMicrovolts = alphaMicrovolts;
        b.betaMicrovolts = betaMicrovolts;
        b.noiseFloorMicrovolts = noiseFloorMicrovolts;
        b.movementsPerMinute = movementsPerMinute;
        b.popsPerMinute = popsPerMinute;
        b.badChannels = badChannels;
        b.randomBadChannels = randomBadChannels;
        b.timing = timing;
        return b;
    }

    /** The parameters as ordered name → value text, for file headers and reports. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("grid", grid.rows() + "x" + grid.columns());
        d.put("channels", Integer.toString(grid.channelCount()));
        d.put("pitch_mm", number(grid.pitchMm()));
        d.put("sample_rate_hz", number(sampleRateHz));
        d.put("task", task.name().toLowerCase(Locale.ROOT));
        d.put("cues", cues.isEmpty() ? (allTones ? "all toned syllables" : "all base syllables") : String.join(" ", cues));
        d.put("sentences", !sentences.isEmpty() ? sentences.size() + " chosen"
                : heldOutSentences ? "held-out" : "training");
        d.put("snr", number(snr));
        d.put("seed", Long.toString(seed));
        d.put("participant", Long.toString(participant));
        d.put("line_frequency_hz", number(lineFrequencyHz));
        d.put("line_noise_uv", number(lineNoiseMicrovolts));
        d.put("background_uv", number(backgroundMicrovolts));
        d.put("spectral_exponent", number(spectralExponent));
        d.put("spatial_correlation", number(spatialCorrelation));
        d.put("alpha_uv", number(alphaMicrovolts));
        d.put("beta_uv", number(betaMicrovolts));
        d.put("noise_floor_uv", number(noiseFloorMicrovolts));
        d.put("movements_per_minute", number(movementsPerMinute));
        d.put("pops_per_minute", number(popsPerMinute));
        d.put("random_bad_channels", Integer.toString(randomBadChannels));
        d.put("timing", String.format(Locale.ROOT, "cue %s s, reaction %s s, rest %s s, pause %s s",
                number(timing.cueSeconds()), number(timing.reactionSeconds()), number(timing.restSeconds()),
                number(timing.pauseSeconds())));
        return d;
    }

    /** Defaults: a 16×16 grid at 2 kHz, cued syllables, SNR 2.5, 50 Hz mains, two random bad channels. */
    public static final class Builder {
        private ElectrodeGrid grid = ElectrodeGrid.forChannels(256);
        private double sampleRateHz = 2000;
        private Task task = Task.SYLLABLES;
        private List<String> cues = List.of();
        private boolean allTones;
        private boolean heldOutSentences;
        private List<Sentence> sentences = List.of();
        private double snr = 2.5;
        private long seed = 1;
        private long participant = 1;
        private double lineFrequencyHz = 50;
        private double lineNoiseMicrovolts = 20;
        private double backgroundMicrovolts = 60;
        private double spectralExponent = 2.0;
        private double spatialCorrelation = 0.6;
        private double alphaMicrovolts = 8;
        private double betaMicrovolts = 6;
        private double noiseFloorMicrovolts = 1.5;
        private double movementsPerMinute = 0.5;
        private double popsPerMinute = 1;
        private List<BadChannel> badChannels = new ArrayList<>();
        private int randomBadChannels = 2;
        private TaskTiming timing = TaskTiming.DEFAULT;

        public Builder grid(ElectrodeGrid grid) {
            this.grid = grid;
            return this;
        }

        public Builder channels(int channelCount) {
            this.grid = ElectrodeGrid.forChannels(channelCount);
            return this;
        }

        public Builder sampleRateHz(double sampleRateHz) {
            this.sampleRateHz = sampleRateHz;
            return this;
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        public Builder cues(List<String> cues) {
            this.cues = cues;
            return this;
        }

        public Builder allTones(boolean allTones) {
            this.allTones = allTones;
            return this;
        }

        public Builder heldOutSentences(boolean heldOutSentences) {
            this.heldOutSentences = heldOutSentences;
            return this;
        }

        /** Sentences for the sentence task instead of the corpus's (their syllables must be in the inventory). */
        public Builder sentences(List<Sentence> sentences) {
            this.sentences = sentences;
            return this;
        }

        public Builder snr(double snr) {
            this.snr = snr;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder participant(long participant) {
            this.participant = participant;
            return this;
        }

        public Builder lineFrequencyHz(double lineFrequencyHz) {
            this.lineFrequencyHz = lineFrequencyHz;
            return this;
        }

        public Builder lineNoiseMicrovolts(double lineNoiseMicrovolts) {
            this.lineNoiseMicrovolts = lineNoiseMicrovolts;
            return this;
        }

        public Builder backgroundMicrovolts(double backgroundMicrovolts) {
            this.backgroundMicrovolts = backgroundMicrovolts;
            return this;
        }

        public Builder spectralExponent(double spectralExponent) {
            this.spectralExponent = spectralExponent;
            return this;
        }

        public Builder spatialCorrelation(double spatialCorrelation) {
            this.spatialCorrelation = spatialCorrelation;
            return this;
        }

        public Builder alphaMicrovolts(double alphaMicrovolts) {
            this.alphaMicrovolts = alphaMicrovolts;
            return this;
        }

        public Builder betaMicrovolts(double betaMicrovolts) {
            this.betaMicrovolts = betaMicrovolts;
            return this;
        }

        public Builder noiseFloorMicrovolts(double noiseFloorMicrovolts) {
            this.noiseFloorMicrovolts = noiseFloorMicrovolts;
            return this;
        }

        public Builder movementsPerMinute(double movementsPerMinute) {
            this.movementsPerMinute = movementsPerMinute;
            return this;
        }

        public Builder popsPerMinute(double popsPerMinute) {
            this.popsPerMinute = popsPerMinute;
            return this;
        }

        public Builder badChannels(List<BadChannel> badChannels) {
            this.badChannels = badChannels;
            return this;
        }

        public Builder randomBadChannels(int randomBadChannels) {
            this.randomBadChannels = randomBadChannels;
            return this;
        }

        public Builder timing(TaskTiming timing) {
            this.timing = timing;
            return this;
        }

        /** No artifacts, no bad channels, no line noise, no rhythms: the 1/f background and speech alone. */
        public Builder clean() {
            return lineNoiseMicrovolts(0).alphaMicrovolts(0).betaMicrovolts(0).movementsPerMinute(0).popsPerMinute(0)
                    .randomBadChannels(0).badChannels(List.of());
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(grid, sampleRateHz, task, cues, allTones, heldOutSentences, sentences, snr, seed,
                    participant, lineFrequencyHz, lineNoiseMicrovolts, backgroundMicrovolts, spectralExponent,
                    spatialCorrelation, alphaMicrovolts, betaMicrovolts, noiseFloorMicrovolts, movementsPerMinute,
                    popsPerMinute, badChannels, randomBadChannels, timing);
        }
    }
}
