package org.naoyu.speller;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * {@code naoyu --help} lists the commands in sections, one per area of the command line; a command's class lives in
 * the package of its section ({@code cli.recordings.InfoCommand} for {@code naoyu info}). A subcommand left out of
 * every section is a mistake this renderer refuses, so a new command cannot silently go missing from the help.
 */
final class CommandSections implements IHelpSectionRenderer {
    /** Section heading → the commands in it, in the order shown. */
    static final Map<String, List<String>> SECTIONS = sections();

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Recordings", List.of("info", "record", "replay", "convert", "simulate"));
        sections.put("Signal", List.of("features", "quality"));
        sections.put("Model", List.of("train", "evaluate", "ideal-observer"));
        sections.put("Language", List.of("pinyin2hanzi", "lm-eval"));
        sections.put("LSL", List.of("lsl"));
        sections.put("Session", List.of("run", "demo"));
        sections.put("Bench", List.of("bench"));
        sections.put("Help", List.of("help"));
        return sections;
    }

    /** Replaces the single list under "Commands:" in {@code commandLine}'s usage help with the sections. */
    static void install(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                new CommandSections());
    }

    @Override
    public String render(Help help) {
        Map<String, Help> commands = help.subcommands();
        Set<String> missing = new LinkedHashSet<>(commands.keySet());
        SECTIONS.values().forEach(missing::removeAll);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("commands " + missing + " are in no help section; add them to "
                    + "CommandSections.SECTIONS");
        }
        // one column width for every section, so the descriptions line up down the whole list
        int nameWidth = 4 + commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        int width = help.commandSpec().usageMessage().width();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> section : SECTIONS.entrySet()) {
            Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                    new Help.Column(nameWidth, 4, Help.Column.Overflow.SPAN),
                    new Help.Column(width - nameWidth, 2, Help.Column.Overflow.WRAP));
            for (String name : section.getValue()) {
                Help command = commands.get(name);
                if (command == null) {
                    throw new IllegalStateException("help section " + section.getKey() + " names '" + name
                            + "', which is not a naoyu command");
                }
                table.addRowValues(help.colorScheme().commandText(name), help.colorScheme().text(summary(command)));
            }
            text.append("  ").append(section.getKey()).append(':').append(System.lineSeparator()).append(table);
        }
        return text.toString();
    }

    /** As picocli's own list: the command's header if it has one, else its description, on one line. */
    private static String summary(Help command) {
        String[] header = command.commandSpec().usageMessage().header();
        String[] lines = header.length > 0 ? header : command.commandSpec().usageMessage().description();
        return String.join(" ", lines).replace("%n", " ").strip();
    }
}
