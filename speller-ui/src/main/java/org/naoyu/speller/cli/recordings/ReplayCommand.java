package org.naoyu.speller.cli.recordings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.replay.RecordingPlayer;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu replay FILE}: a recording's streams as live LSL outlets, with the original timing. */
@Command(name = "replay",
        description = "Publish every stream of a recording (XDF, EDF/BDF, GDF, BCI2000) as an LSL outlet with its original timing "
                + "(or faster), markers included, for testing the pipeline and other LSL programs on recorded data.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Parameters(paramLabel = "FILE", description = "The recording.")
    Path file;

    @Option(names = "--speed", defaultValue = "1", description = "Times faster than recorded, in (0, 1000] "
            + "(default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--loop", description = "Start again at the end, until Ctrl-C.")
    boolean loop;

    @Option(names = "--streams", split = ",", paramLabel = "NAME", description = "Only these streams (by name).")
    List<String> names;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Recording recording = RecordingFiles.open(file);
        List<RecordedStream> streams = recording.streams();
        if (names != null) {
            for (String name : names) {
                if (streams.stream().noneMatch(s -> s.info().name().equals(name))) {
                    throw new CommandFailure(1, "--streams: the recording has no stream named '" + name + "'; it has "
                            + streams.stream().map(s -> "'" + s.info().name() + "'").toList());
                }
            }
            streams = streams.stream().filter(s -> names.contains(s.info().name())).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordingPlayer player = RecordingPlayer.start(streams, lsl.config(), speed, loop)) {
            Thread hook = new Thread(player::close, "replay-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf(Locale.ROOT, "replaying %s (%s, %.1f s) at %s x%s%n", file, recording.format(),
                    player.durationSeconds(), Numbers.plain(speed), loop ? ", looping until Ctrl-C" : "");
            for (StreamOutlet outlet : player.outlets()) {
                StreamInfo info = outlet.info();
                out.printf(Locale.ROOT, "  %s: %d ch %s, %s, source id '%s', on %s:%d%n", info.name(),
                        info.channelCount(), info.format(), info.isIrregular() ? "irregular rate"
                                : Numbers.plain(info.nominalRateHz()) + " Hz", info.sourceId(),
                        outlet.dataAddress().getAddress().getHostAddress(), outlet.dataPort());
            }
            out.flush();
            while (!player.isFinished()) {
                Thread.sleep(1000);
                out.printf(Locale.ROOT, "  %.1f / %.1f s%s%n", player.positionSeconds(), player.durationSeconds(),
                        loop ? ", pass " + (player.loopsDone() + 1) : "");
                out.flush();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C
            }
        }
        out.println("done");
        out.flush();
        return 0;
    }
}
