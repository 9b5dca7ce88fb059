package org.naoyu.speller;

import java.io.PrintWriter;
import org.naoyu.speller.cli.bench.BenchCommand;
import org.naoyu.speller.cli.language.LmEvalCommand;
import org.naoyu.speller.cli.language.Pinyin2hanziCommand;
import org.naoyu.speller.cli.lsl.LslCommand;
import org.naoyu.speller.cli.model.EvaluateCommand;
import org.naoyu.speller.cli.model.IdealObserverCommand;
import org.naoyu.speller.cli.model.TrainCommand;
import org.naoyu.speller.cli.recordings.ConvertCommand;
import org.naoyu.speller.cli.recordings.InfoCommand;
import org.naoyu.speller.cli.recordings.RecordCommand;
import org.naoyu.speller.cli.recordings.ReplayCommand;
import org.naoyu.speller.cli.recordings.SimulateCommand;
import org.naoyu.speller.cli.session.DemoCommand;
import org.naoyu.speller.cli.session.RunCommand;
import org.naoyu.speller.cli.signal.FeaturesCommand;
import org.naoyu.speller.cli.signal.QualityCommand;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.VersionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code naoyu} command. Subcommands are listed in {@link Command#subcommands()} below; a subcommand is added in
 * the same commit as the capability it runs, never ahead of it.
 *
 * <p>Exit codes: 0 success, 1 an error while running (the message names what went wrong), 2 a command line picocli
 * could not parse.
 */
@Command(
        name = "naoyu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.Provider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "naoyu (脑语) — streaming ECoG/EEG to Chinese text, in real time.",
        description = "Reads brain signals over Lab Streaming Layer or from recordings (XDF, EDF/BDF, GDF, BCI2000), filters them, decodes Mandarin syllables and tones, and spells Chinese sentences. "
                + "Binds only to 127.0.0.1 unless told otherwise.",
        footer = {"", "Run 'naoyu help COMMAND' for a command's options. Docs: README.md, docs/ARCHITECTURE.md."},
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            RecordCommand.class,
            ReplayCommand.class,
            ConvertCommand.class,
            SimulateCommand.class,
            FeaturesCommand.class,
            QualityCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            IdealObserverCommand.class,
            Pinyin2hanziCommand.class,
            LmEvalCommand.class,
            LslCommand.class,
            RunCommand.class,
            DemoCommand.class,
            BenchCommand.class,
        })
public final class Naoyu implements Runnable {
    public static final int EXIT_ERROR = CommandFailure.EXIT_ERROR;
    private static final Logger LOG = LoggerFactory.getLogger(Naoyu.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log debug messages of naoyu to stderr (default: warnings only).")
    private boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; the process-free entry point for tests. */
    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Naoyu());
        CommandSections.install(commandLine);
        commandLine.setExecutionStrategy(Naoyu::executeWithLogging);
        commandLine.setExecutionExceptionHandler(Naoyu::reportError);
        return commandLine;
    }

    /** Without a subcommand, naoyu says what it can do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int executeWithLogging(ParseResult parseResult) {
        Logging.configure(verboseRequested(parseResult));
        LOG.debug("naoyu {} starting: {}", VersionInfo.ofThisBuild().version(), parseResult.originalArgs());
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** An error while running: one clear line, the stack trace only when asked for with --verbose. */
    private static int reportError(Exception error, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        String command = commandLine.getCommandSpec().qualifiedName();
        err.println(commandLine.getColorScheme().errorText(command + ": " + message));
        if (verboseRequested(parseResult)) {
            error.printStackTrace(err);
        } else if (!(error instanceof CommandFailure)) {
            err.println("(run again with --verbose for details)");
        }
        err.flush();
        return error instanceof CommandFailure failure ? failure.exitCode() : EXIT_ERROR;
    }

    private static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
