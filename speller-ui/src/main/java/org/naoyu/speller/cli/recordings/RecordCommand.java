package org.naoyu.speller.cli.recordings;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.datasets.record.SessionInfo;
import org.naoyu.datasets.record.SessionRecorder;
import org.naoyu.datasets.record.StreamProgress;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.support.CommandFailure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu record}: LSL streams to an XDF file, like LabRecorder, with a live progress line. */
@Command(name = "record",
        description = "Record LSL streams to XDF (readable by pyxdf, EEGLAB, MNE): every sample with its timestamp, "
                + "clock offsets every 5 s, streams that drop and return reconnected, footers written on Ctrl-C. "
                + "Never overwrites a file.")
public final class RecordCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Option(names = "--stream", required = true, paramLabel = "QUERY",
            description = "A stream to record, by name (naoyu-sim) or by an LSL predicate (\"type='EEG'\"); repeat "
                    + "for several.")
    List<String> queries;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE.xdf", description = "The file to write.")
        Path out;

        @Option(names = "--root", paramLabel = "DIR",
                description = "A BIDS folder: writes sub-<participant>/ses-<session>/ieeg/…_ieeg.xdf, the next free "
                        + "run number.")
        Path root;
    }

    @Option(names = "--participant", paramLabel = "ID", description = "Participant pseudonym (letters, digits).")
    String participant;

    @Option(names = "--session", paramLabel = "ID", defaultValue = "01", description = "Session label (default 01).")
    String session;

    @Option(names = "--task", paramLabel = "NAME", defaultValue = "free", description = "Task label (default free).")
    String task;

    @Option(names = "--seconds", description = "Stop after this many seconds (default: until Ctrl-C).")
    Double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds != null && !(seconds > 0 && seconds <= 7 * 86_400)) {
            throw new IllegalArgumentException("--seconds must be in (0, 604800], got " + seconds);
        }
        LslConfig config = lsl.config();
        Map<String, String> header = new LinkedHashMap<>();
        Path file = target.out;
        if (target.root != null || participant != null) {
            SessionInfo info = new SessionInfo(participant == null ? "" : participant, session, task, 1);
            header.putAll(info.headerFields());
            if (target.root != null) {
                while (Files.exists(info.bidsPath(target.root))) {
                    info = info.nextRun();
                }
                header.putAll(info.headerFields());
                file = info.bidsPath(target.root);
            }
        }
        List<ResolvedStream> streams = new ArrayList<>();
        for (String query : queries) {
            // a plain word is a stream name; anything else is an LSL (XPath) predicate such as type='EEG'
            String predicate = query.matches("[\\w.:-]+") ? "name='" + query + "'" : query;
            List<ResolvedStream> found = StreamResolver.resolve(config, predicate, 1, lsl.timeout());
            if (found.isEmpty()) {
                throw new CommandFailure(CommandFailure.EXIT_NOT_FOUND, "no stream matches '" + query + "' (looked "
                        + lsl.timeout().toMillis() / 1000.0 + " s, scope " + config.scope().configName()
                        + "); 'naoyu lsl list' shows what is there");
            }
            streams.addAll(found);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SessionRecorder recorder = SessionRecorder.start(streams, config, file, header, Duration.ofSeconds(5))) {
            Thread hook = new Thread(() -> {
                stopped.countDown();
                closeQuietly(recorder);
            }, "record-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("recording " + streams.size() + " stream(s) to " + recorder.path()
                    + (seconds == null ? " until Ctrl-C" : " for " + seconds + " s"));
            out.flush();
            long start = System.nanoTime();
            long end = seconds == null ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
            while (!stopped.await(Math.min(1_000_000_000L, Math.max(0, end - System.nanoTime())),
                    TimeUnit.NANOSECONDS) && System.nanoTime() < end) {
                out.println(progressLine((System.nanoTime() - start) / 1e9, recorder.progress()));
                out.flush();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is closing the file
            }
            out.println("stopped at " + progressLine((System.nanoTime() - start) / 1e9, recorder.progress()).strip());
        }
        out.println("wrote " + file);
        out.flush();
        return 0;
    }

    static String progressLine(double elapsedSeconds, List<StreamProgress> progress) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7.1f s", elapsedSeconds));
        for (StreamProgress p : progress) {
            line.append(String.format(Locale.ROOT, " | %s: %d samples, %.1f Hz, %d gaps%s", p.name(), p.samples(),
                    p.effectiveRateHz(), p.gaps(), p.connected() ? "" : ", DISCONNECTED"));
        }
        return line.toString();
    }

    private static void closeQuietly(SessionRecorder recorder) {
        try {
            recorder.close();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("naoyu record: closing the file failed: " + e.getMessage());
        }
    }
}
