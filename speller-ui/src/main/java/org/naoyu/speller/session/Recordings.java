package org.naoyu.speller.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.record.SessionRecorder;

/**
 * The session's XDF recordings: the whole session (signal, task markers, the presented task and
 * {@code naoyu-speller}) when asked for, and each calibration ({@code calibration-N.xdf} in the work folder: signal,
 * task markers and the presented task) while it runs. Closing
 * writes their footers.
 */
final class Recordings {
    private final OnlineSession.Options options;
    private final SessionRecorder session;
    private final SessionLog log;
    /** The calibration's streams: signal, task markers and the presented task when it is a stream of its own. */
    private final List<ResolvedStream> calibrationStreams;

    // session thread (and close)
    private SessionRecorder calibration;
    private int calibrationRuns;

    private volatile String calibrationFile;

    private Recordings(OnlineSession.Options options, SessionRecorder session, List<ResolvedStream> calibrationStreams,
            SessionLog log) {
        this.options = options;
        this.session = session;
        this.calibrationStreams = calibrationStreams;
        this.log = log;
    }

    /**
     * Starts recording the session to {@link OnlineSession.Options#recordFile()}, if it names one.
     *
     * @param task      the task stream the session reads (external or its own presentation), or null
     * @param presented the session's own {@code naoyu-task} when it is not {@code task}, or null
     */
    static Recordings start(OnlineSession.Options options, StreamOutlet speller, ResolvedStream task,
            ResolvedStream presented, SessionLog log) throws IOException {
        List<ResolvedStream> calibration = new ArrayList<>();
        calibration.add(options.signal());
        if (task != null) {
            calibration.add(task);
        }
        if (presented != null) {
            calibration.add(presented);
        }
        if (options.recordFile() == null) {
            return new Recordings(options, null, List.copyOf(calibration), log);
        }
        List<ResolvedStream> streams = new ArrayList<>(calibration);
        streams.add(new ResolvedStream(speller.info(), LslConfig.LOOPBACK, speller.dataPort(),
                speller.servicePort(), 110));
        return new Recordings(options, SessionRecorder.start(streams, options.lsl(), options.recordFile(),
                options.headerFields(), Duration.ofSeconds(5)), List.copyOf(calibration), log);
    }

    /** The session recording's file, or null when not recording. */
    Path sessionFile() {
        return session == null ? null : session.path();
    }

    /** Starts recording a calibration under the next free {@code calibration-N.xdf}; a failure is logged. */
    void startCalibration() {
        Path file;
        do {
            calibrationRuns++;
            file = options.workDir().resolve("calibration-" + calibrationRuns + ".xdf");
        } while (Files.exists(file));
        try {
            Map<String, String> header = new LinkedHashMap<>(options.headerFields());
            header.put("task", "calibration");
            calibration = SessionRecorder.start(calibrationStreams, options.lsl(), file, header,
                    Duration.ofSeconds(5));
            calibrationFile = file.getFileName().toString();
            log.add("calibration: recording " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            log.add("ERROR: calibration recording could not start: " + e.getMessage());
        }
    }

    boolean calibrating() {
        return calibration != null;
    }

    /** The calibration being recorded (its file name), or null. */
    String calibrationFile() {
        return calibrationFile;
    }

    /** Closes the calibration recording, if one runs, and returns its file (null when none ran). */
    Path stopCalibration() {
        SessionRecorder recording = calibration;
        calibration = null;
        calibrationFile = null;
        if (recording == null) {
            return null;
        }
        try {
            recording.close();
            log.add("calibration: " + recording.path().getFileName() + " closed");
        } catch (IOException e) {
            log.add("ERROR: closing the calibration recording: " + e.getMessage());
        }
        return recording.path();
    }

    /** Closes the calibration, then the session recording; the session recording's failure is thrown. */
    void close() throws IOException {
        stopCalibration();
        if (session != null) {
            session.close();
        }
    }
}
