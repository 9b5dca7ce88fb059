package org.naoyu.speller.cli.lsl;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu lsl info NAME}: the full info XML of a stream, as its outlet serves it. */
@Command(name = "info", description = "Print the full stream info XML (with desc: channels, manufacturer …) of the stream NAME.")
public final class InfoCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Parameters(paramLabel = "NAME", description = "The stream's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LslConfig config = lsl.config();
        PrintWriter out = spec.commandLine().getOut();
        out.print(StreamInlet.fetchFullInfo(LslCommand.findByName(config, name, lsl)));
        out.flush();
        return 0;
    }
}
