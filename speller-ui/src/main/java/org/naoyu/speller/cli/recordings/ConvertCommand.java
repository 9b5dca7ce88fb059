package org.naoyu.speller.cli.recordings;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.datasets.Exports;
import org.naoyu.datasets.Recording;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.signal.RecordingFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu convert IN OUT}: any readable recording to XDF, EDF+ or BDF+. */
@Command(name = "convert",
        description = "Convert a recording (XDF, EDF/BDF, GDF, BCI2000) to XDF, EDF+ or BDF+, chosen by OUT's extension "
                + "(.xdf, .edf, .bdf). Markers and annotations are kept; EDF+ takes regularly sampled signals only. "
                + "Never overwrites.")
public final class ConvertCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "IN", description = "The recording to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write: .xdf, .edf or .bdf.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Recording recording = RecordingFiles.open(in);
        Exports.write(recording, out);
        PrintWriter text = spec.commandLine().getOut();
        text.printf(Locale.ROOT, "wrote %s (%.1f MB): %d streams, %d events from %s (%s)%n", out,
                Files.size(out) / 1e6, recording.streams().size(), recording.events().size(), in, recording.format());
        for (String problem : recording.problems()) {
            text.println("  note: " + problem);
        }
        text.flush();
        return 0;
    }
}
