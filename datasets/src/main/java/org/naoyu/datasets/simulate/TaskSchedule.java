package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.naoyu.datasets.corpus.Corpora;
import org.naoyu.datasets.corpus.Sentence;
import org.naoyu.datasets.corpus.Syllable;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.corpus.TaskMarker;
import org.naoyu.datasets.corpus.TaskMarker.Kind;

/**
 * Lays out the simulated participant's task trial by trial on the sample clock: markers and, for every attempted
 * syllable, its gestures with this trial's variability drawn: speech onset after the go cue by a log-normal
 * reaction time, then the attempt's own variability ({@link AttemptRealisation}).
 */
final class TaskSchedule {
    /** What one call to {@link #next} adds. */
    record Trial(List<TimedMarker> markers, List<ScheduledGesture> gestures, long endSample) {
    }

    private final SimulatorConfig config;
    private final SimRandom random;
    private final double rate;
    private final List<String> cues;
    private final List<Sentence> sentences;
    private final Map<String, List<Gesture>> scores = new HashMap<>();
    private int nextCue;
    private int nextSentence;

    TaskSchedule(SimulatorConfig config) {
        this.config = config;
        this.random = new SimRandom(config.seed(), 0x7A5CL);
        this.rate = config.sampleRateHz();
        SyllableInventory inventory = SyllableInventory.standard();
        if (config.cues().isEmpty()) {
            this.cues = new ArrayList<>(Corpora.calibrationCues(inventory, config.allTones(), config.seed()).stream()
                    .map(Syllable::toned).toList());
        } else {
            for (String cue : config.cues()) {
                if (inventory.get(cue).isEmpty()) {
                    throw new IllegalArgumentException("cue '" + cue + "' is not a toned syllable of the inventory "
                            + "(base + tone 1-5 such as ma3 or lv4)");
                }
            }
            this.cues = new ArrayList<>(config.cues());
        }
        if (!config.sentences().isEmpty()) {
            for (Sentence sentence : config.sentences()) {
                for (String syllable : sentence.syllables()) {
                    if (inventory.get(syllable).isEmpty()) {
                        throw new IllegalArgumentException("sentence '" + sentence.text() + "': '" + syllable
                                + "' is not a toned syllable of the inventory");
                    }
                }
            }
        }
        this.sentences = new ArrayList<>(!config.sentences().isEmpty() ? config.sentences()
                : config.heldOutSentences() ? Corpora.heldOut() : Corpora.sentences());
        shuffle(sentences);
    }

    /** The trial starting at {@code start}, or a stretch of rest for the rest task. */
    Trial next(long start) {
        return switch (config.task()) {
            case SYLLABLES -> syllableTrial(start);
            case SENTENCES -> sentenceTrial(start);
            case REST, FOLLOW -> new Trial(List.of(), List.of(), start + seconds(10));
        };
    }

    private Trial syllableTrial(long start) {
        if (nextCue == cues.size()) {
            nextCue = 0;
            if (config.cues().isEmpty()) {
                shuffle(cues);
            }
        }
        String syllable = cues.get(nextCue++);
        SimulatorConfig.TaskTiming timing = config.timing();
        List<TimedMarker> markers = new ArrayList<>();
        List<ScheduledGesture> gestures = new ArrayList<>();
        markers.add(marker(start, Kind.CUE, syllable));
        long go = start + seconds(timing.cueSeconds());
        markers.add(marker(go, Kind.GO, syllable));
        long onset = go + seconds(timing.reactionSeconds() * random.logNormal(0.2));
        long offset = attempt(syllable, onset, markers, gestures);
        long rest = offset + seconds(0.3);
        markers.add(marker(rest, Kind.REST, ""));
        return new Trial(markers, gestures, rest + seconds(timing.restSeconds() * random.uniform(0.8, 1.2)));
    }

    /**
     * The attempt at {@code syllable} a participant makes when a task stream's go cue comes at {@code go}: speech
     * onset after a log-normal reaction time (not before {@code earliest}, the first sample not yet made), with the
     * go cue itself echoed so the participant's markers label the attempt like a self-scheduled one.
     */
    Trial followed(String syllable, long go, long earliest) {
        if (SyllableInventory.standard().get(syllable).isEmpty()) {
            throw new IllegalArgumentException("go cue '" + syllable + "' is not a toned syllable of the inventory");
        }
        List<TimedMarker> markers = new ArrayList<>();
        List<ScheduledGesture> gestures = new ArrayList<>();
        markers.add(marker(go, Kind.GO, syllable));
        long onset = StrictMath.max(earliest,
                go + seconds(config.timing().reactionSeconds() * random.logNormal(0.2)));
        long offset = attempt(syllable, onset, markers, gestures);
        return new Trial(markers, gestures, offset);
    }

    private Trial sentenceTrial(long start) {
        if (nextSentence == sentences.size()) {
            nextSentence = 0;
            shuffle(sentences);
        }
        Sentence sentence = sentences.get(nextSentence++);
        SimulatorConfig.TaskTiming timing = config.timing();
        List<TimedMarker> markers = new ArrayList<>();
        List<ScheduledGesture> gestures = new ArrayList<>();
        markers.add(marker(start, Kind.SENTENCE_START, sentence.text() + "|" + String.join(" ", sentence.syllables())));
        long go = start + seconds(timing.cueSeconds() * 1.5);
        long offset = go;
        for (String syllable : sentence.syllables()) {
            markers.add(marker(go, Kind.GO, syllable));
            // paced by the go cues, so the reaction is shorter than in the single-syllable task
            long onset = go + seconds(timing.reactionSeconds() * 0.6 * random.logNormal(0.2));
            offset = attempt(syllable, onset, markers, gestures);
            go = offset + seconds(timing.pauseSeconds() * random.uniform(0.8, 1.2));
        }
        long end = offset + seconds(0.3);
        markers.add(marker(end, Kind.SENTENCE_END, sentence.text()));
        markers.add(marker(end, Kind.REST, ""));
        return new Trial(markers, gestures, end + seconds(2 * timing.restSeconds() * random.uniform(0.8, 1.2)));
    }

    /** Schedules one attempted syllable from {@code onset}; returns its offset sample. */
    private long attempt(String syllable, long onset, List<TimedMarker> markers, List<ScheduledGesture> gestures) {
        List<Gesture> score = scores.computeIfAbsent(syllable, s -> {
            int tone = s.charAt(s.length() - 1) - '0';
            return GesturalScore.of(Phonetics.of(s.substring(0, s.length() - 1), tone));
        });
        int tone = syllable.charAt(syllable.length() - 1) - '0';
        markers.add(marker(onset, Kind.SPEECH_ONSET, syllable));
        long offset = AttemptRealisation.realise(score, tone, onset, rate, random::nextGaussian, gestures);
        markers.add(marker(offset, Kind.SPEECH_OFFSET, syllable));
        return offset;
    }

    private TimedMarker marker(long sample, Kind kind, String label) {
        return new TimedMarker(sample, new TaskMarker(kind, label));
    }

    private long seconds(double seconds) {
        return StrictMath.round(seconds * rate);
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
