package org.naoyu.speller.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;

/**
 * The model, the speller pipeline built from it and the bad channels it leaves out of the common average, owned by
 * the session thread; the model's description, the bad channels and the live high gamma are published to readers on
 * other threads.
 */
final class Decoding {
    private final StreamInfo signal;
    private final int channels;
    private final SentenceDecoder language;
    private final LatencyStats latency;
    private final SessionLog log;
    private final PipelineEvents events;

    // owned by the session thread
    private SpellerPipeline pipeline;
    private boolean selfPaced;
    private SpellerPipeline.CommandSyllables commands;
    private final TreeSet<Integer> badChannels = new TreeSet<>();
    private final double[] highGammaWork;
    private long lastPublishNanos;

    // published to other threads
    private volatile ModelFile.Loaded model;
    private volatile String description = "none";
    private volatile List<Integer> badSnapshot = List.of();
    private volatile double[] highGammaSnapshot = new double[0];
    private volatile double speechProbability = Double.NaN;

    Decoding(StreamInfo signal, SentenceDecoder language, LatencyStats latency, SessionLog log,
            PipelineEvents events) {
        this.signal = signal;
        this.channels = signal.channelCount();
        this.language = language;
        this.latency = latency;
        this.log = log;
        this.events = events;
        this.highGammaWork = new double[channels];
    }

    /** Refuses a model whose channels, rate or features differ from the stream's, listing the differences. */
    void checkFits(ModelFile.Loaded loaded) {
        List<String> streamLabels = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            streamLabels.add(signal.channels().isEmpty() ? Integer.toString(c + 1)
                    : signal.channels().get(c).label());
        }
        List<String> differences = loaded.provenance().mismatches(streamLabels, signal.nominalRateHz(),
                loaded.provenance().featureConfig());
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the model does not fit stream '" + signal.name() + "': "
                    + String.join("; ", differences));
        }
    }

    /** Spells with {@code loaded} from the next {@link #build()}; {@code how} says where it came from. */
    void use(ModelFile.Loaded loaded, String how) {
        model = loaded;
        description = loaded.provenance().kind().name().toLowerCase(Locale.ROOT) + ", "
                + loaded.model().outputs().size() + " toned syllables (" + loaded.model().heads().label() + " heads), "
                + how;
    }

    ModelFile.Loaded model() {
        return model;
    }

    String description() {
        return description;
    }

    boolean hasPipeline() {
        return pipeline != null;
    }

    /** The phase's way of spelling: self-paced (with the command syllables) in free spelling, cued otherwise. */
    void phaseChanged(OnlineSession.Phase next, SpellerPipeline.CommandSyllables freeSpellingCommands) {
        selfPaced = next == OnlineSession.Phase.FREE_SPELLING;
        commands = selfPaced ? freeSpellingCommands : null;
        if (pipeline != null) {
            pipeline.clear();
            pipeline.setSelfPaced(selfPaced);
            pipeline.setCommands(commands);
        }
    }

    /** A fresh pipeline for the model, the bad channels and the phase (at start, after training, after a fault). */
    void build() {
        List<Integer> bad = SpellerPipeline.hasCommonAverage(model) ? List.copyOf(badChannels) : List.of();
        SpellerPipeline next = new SpellerPipeline(model, channels, bad, language, events, latency);
        next.setSelfPaced(selfPaced);
        next.setCommands(commands);
        pipeline = next;
        log.add("model: " + description);
    }

    /** Feeds a block to the pipeline, if there is one; a block it refuses restarts it. */
    void process(double[] block, int n, double firstTimestamp, long receivedNanos, boolean replayed) {
        SpellerPipeline p = pipeline;
        if (p == null) {
            return;
        }
        events.block(receivedNanos, replayed);
        try {
            p.samples(block, n, firstTimestamp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // one bad block (a clock step the inlet could not smooth, say) must not end the session
            log.add("a block was refused (" + e.getMessage() + "); the pipeline restarts");
            build();
            return;
        }
        long now = System.nanoTime();
        if (now - lastPublishNanos > 100_000_000L) {
            p.highGamma(highGammaWork);
            highGammaSnapshot = highGammaWork.clone();
            speechProbability = p.speechProbability();
            lastPublishNanos = now;
        }
    }

    /** A task marker for the cued sentences, before the samples it marks; one not understood is logged. */
    void marker(double time, String label) {
        if (pipeline == null) {
            return;
        }
        try {
            pipeline.marker(time, label);
        } catch (IllegalArgumentException e) {
            log.add("task marker not understood, ignored: '" + label + "' (" + e.getMessage() + ")");
        }
    }

    void undo() {
        pipeline.undo();
    }

    void commit(double timeSeconds) {
        pipeline.commit(timeSeconds);
    }

    void clear() {
        pipeline.clear();
    }

    /** Marks a channel bad (it leaves the common average) or good again; refuses what would break the average. */
    void changeBad(int channel, boolean bad, String why) {
        TreeSet<Integer> next = new TreeSet<>(badChannels);
        boolean changed = bad ? next.add(channel) : next.remove(channel);
        if (!changed) {
            return;
        }
        if (channels - next.size() < 2) {
            throw new IllegalArgumentException("at least 2 channels must stay in the common average; marking "
                    + ChannelLabels.of(signal, channel) + " bad would leave " + (channels - next.size()));
        }
        if (model != null && !SpellerPipeline.hasCommonAverage(model)) {
            throw new IllegalStateException("this model's features use no common average, so a bad channel has "
                    + "nothing to leave; retrain with the common average to exclude channels");
        }
        if (pipeline != null) {
            pipeline.setBadChannels(List.copyOf(next));
        }
        badChannels.clear();
        badChannels.addAll(next);
        badSnapshot = List.copyOf(next);
        log.add("channel " + ChannelLabels.of(signal, channel) + (bad ? " marked bad" + why
                + ": left out of the common average" : " marked good again"));
    }

    List<Integer> badChannels() {
        return badSnapshot;
    }

    double[] highGamma() {
        return highGammaSnapshot;
    }

    double speechProbability() {
        return speechProbability;
    }

    /** The mains frequency the model's notch removes (50 Hz without a model). */
    double lineHz() {
        ModelFile.Loaded m = model;
        return m == null ? 50 : m.provenance().featureConfig().lineFrequencyHz();
    }
}
