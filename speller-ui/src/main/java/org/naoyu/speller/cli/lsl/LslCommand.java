package org.naoyu.speller.cli.lsl;

import java.io.IOException;
import java.util.List;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.support.CommandFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code naoyu lsl}: look at, receive and publish Lab Streaming Layer streams. */
@Command(name = "lsl", description = "Lab Streaming Layer tools: list, inspect, receive and publish streams. Interoperates with "
                + "liblsl 1.16/1.17 programs (LabRecorder, pylsl, amplifier apps) on this machine.",
        subcommands = {ListCommand.class, InfoCommand.class, PullCommand.class, PushCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 error, 2 stream not found.",
            "Settings come from lsl_api.cfg where liblsl looks for it (LSLAPICFG, ./, ~/lsl_api/, /etc/lsl_api/)."})
public final class LslCommand implements Runnable {
    @Mixin
    HelpOption help;

    public static final int EXIT_NOT_FOUND = CommandFailure.EXIT_NOT_FOUND;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The one stream with this name; {@link StreamNotFoundException} when there is none. */
    static ResolvedStream findByName(LslConfig config, String name, LslOptions options) throws IOException {
        List<ResolvedStream> found = StreamResolver.resolveByProperty(config, "name", name, 1, options.timeout());
        if (found.isEmpty()) {
            throw new StreamNotFoundException("no stream named '" + name + "' answered within "
                    + options.timeoutSeconds + " s (scope " + config.scope().configName() + ", session '"
                    + config.sessionId() + "'); 'naoyu lsl list' shows what is there");
        }
        return found.get(0);
    }

    /** Thrown when the stream a command names does not answer; exit code 2. */
    static final class StreamNotFoundException extends CommandFailure {
        private static final long serialVersionUID = 1L;

        StreamNotFoundException(String message) {
            super(EXIT_NOT_FOUND, message);
        }
    }
}
