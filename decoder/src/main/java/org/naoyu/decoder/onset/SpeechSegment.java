package org.naoyu.decoder.onset;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.decoder.data.TaskEvent;

/**
 * One attempt's spoken stretch, from its {@code speech_onset} marker to the matching {@code speech_offset}: the ground
 * truth of the onset detector.
 */
public record SpeechSegment(double onsetSeconds, double offsetSeconds, String label) {
    public static final String ONSET = "speech_onset";
    public static final String OFFSET = "speech_offset";

    /** Segments in time order. An onset without an offset before the next onset lasts {@code fallbackSeconds}. */
    public static List<SpeechSegment> of(List<TaskEvent> events, double fallbackSeconds) {
        List<TaskEvent> sorted = events.stream().filter(e -> e.kind().equals(ONSET) || e.kind().equals(OFFSET))
                .sorted(java.util.Comparator.comparingDouble(TaskEvent::timeSeconds)).toList();
        List<SpeechSegment> segments = new ArrayList<>();
        TaskEvent open = null;
        for (TaskEvent event : sorted) {
            if (event.kind().equals(ONSET)) {
                if (open != null) {
                    segments.add(new SpeechSegment(open.timeSeconds(),
                            Math.min(event.timeSeconds(), open.timeSeconds() + fallbackSeconds), open.label()));
                }
                open = event;
            } else if (open != null) {
                segments.add(new SpeechSegment(open.timeSeconds(), event.timeSeconds(), open.label()));
                open = null;
            }
        }
        if (open != null) {
            segments.add(new SpeechSegment(open.timeSeconds(), open.timeSeconds() + fallbackSeconds, open.label()));
        }
        return segments;
    }

    /** Per frame, whether it lies within a segment: the detector's training target. */
    public static boolean[] speechFrames(double[] frameTimes, List<SpeechSegment> segments) {
        boolean[] speech = new boolean[frameTimes.length];
        int s = 0;
        for (int f = 0; f < frameTimes.length; f++) {
            while (s < segments.size() && segments.get(s).offsetSeconds() <= frameTimes[f]) {
                s++;
            }
            speech[f] = s < segments.size() && frameTimes[f] >= segments.get(s).onsetSeconds();
        }
        return speech;
    }
}
