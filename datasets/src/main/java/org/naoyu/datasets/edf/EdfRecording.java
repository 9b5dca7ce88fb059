package org.naoyu.datasets.edf;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An EDF, EDF+, BDF or BDF+ file as read.
 *
 * @param variant               which of them, from the version and reserved fields
 * @param patient               the local patient identification field as written
 * @param recording             the local recording identification field as written
 * @param start                 start date and time, with the sub-second part of EDF+'s first timekeeping TAL
 * @param recordDurationSeconds duration of one data record
 * @param recordStartSeconds    start of each data record after {@code start}: record × duration, except in EDF+D
 *                              (discontinuous) files, where each record's timekeeping TAL says
 * @param signals               the data signals (annotation signals excluded), in file order
 * @param annotations           every annotation of every annotation signal, in file order
 * @param problems              what was wrong but readable, such as a file cut short
 */
public record EdfRecording(
        Path path,
        EdfVariant variant,
        String patient,
        String recording,
        LocalDateTime start,
        double recordDurationSeconds,
        double[] recordStartSeconds,
        List<EdfSignal> signals,
        List<EdfAnnotation> annotations,
        List<String> problems) {

    public EdfRecording {
        signals = List.copyOf(signals);
        annotations = List.copyOf(annotations);
        problems = List.copyOf(problems);
    }

    public int recordCount() {
        return recordStartSeconds.length;
    }

    /** Length of the recording: the last record's end. */
    public double durationSeconds() {
        int n = recordStartSeconds.length;
        return n == 0 ? 0 : recordStartSeconds[n - 1] + recordDurationSeconds;
    }

    public Optional<EdfSignal> signal(String label) {
        return signals.stream().filter(s -> s.header().label().equals(label)).findFirst();
    }
}
