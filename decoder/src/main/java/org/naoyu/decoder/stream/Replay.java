package org.naoyu.decoder.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.onset.SpeechSegment;

/** Plays a recorded series of frames through an {@link AttemptDecoder} as a live session would see them. */
public final class Replay {
    private Replay() {
    }

    /**
     * Feeds every frame in order and collects the attempts. Cued: each {@code speech_onset} event is handed to the
     * decoder when the stream reaches it (as a task would when it sees speech start). Self-paced: the decoder's onset
     * detector finds the attempts and the events are not used.
     */
    public static List<AttemptDecoder.Attempt> run(AttemptDecoder decoder, FrameSeries series, boolean selfPaced) {
        return run(decoder, series, selfPaced ? null : SpeechSegment.ONSET);
    }

    /**
     * As {@link #run(AttemptDecoder, FrameSeries, boolean)}, cued at the events of kind {@code lockKind} (e.g.
     * {@code go} for a cue-locked model), or self-paced when it is null.
     */
    public static List<AttemptDecoder.Attempt> run(AttemptDecoder decoder, FrameSeries series, String lockKind) {
        boolean selfPaced = lockKind == null;
        List<AttemptDecoder.Attempt> attempts = new ArrayList<>();
        decoder.reset();
        decoder.setSelfPaced(selfPaced);
        List<TaskEvent> onsets = selfPaced ? List.of() : series.events().stream()
                .filter(e -> e.kind().equals(lockKind))
                .sorted(Comparator.comparingDouble(TaskEvent::timeSeconds)).toList();
        double[] frame = new double[series.width()];
        int next = 0;
        AttemptDecoder.Listener previous = decoder.listener();
        decoder.setListener(attempts::add);
        try {
            for (int f = 0; f < series.frames(); f++) {
                double time = series.times()[f];
                while (next < onsets.size() && onsets.get(next).timeSeconds() <= time) {
                    decoder.cue(onsets.get(next).timeSeconds(), onsets.get(next).label());
                    next++;
                }
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = series.values()[f * frame.length + i];
                }
                decoder.accept(time, frame);
            }
        } finally {
            decoder.setListener(previous);
        }
        return attempts;
    }
}
