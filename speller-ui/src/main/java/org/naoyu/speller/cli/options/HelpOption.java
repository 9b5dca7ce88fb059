package org.naoyu.speller.cli.options;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands, which have no version of their own to print. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
