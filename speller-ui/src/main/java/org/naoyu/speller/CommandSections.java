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
        sections.put("Model", List.of("train", "evaluate"));
        sections.put("Language", List.of("pinyin2hanzi", "lm-eval"));
        sections.put("LSL", List.of("lsl"));
        sections.put("Session", List.of("run", "demo"));
        sections.put("Bench", List.of("bench"));
        sections.put("Help", List.of("help"));
        return sections;
    }

    /** Replaces the single command list of {@code commandLine}'s usage help with the sections. */
    static void install(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                help -> "");
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                new CommandSections());
    }

    @Override
    public String render(Help help) {
        Map<String, Help> commands = help.subcommands();
        Set<String> listed = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> section : SECTIONS.entrySet()) {
            Map<String, Help> inSection = new LinkedHashMap<>();
            for (String name : section.getValue()) {
                Help command = commands.get(name);
                if (command == null) {
                    throw new IllegalStateException("help section " + section.getKey() + " names '" + name
                            + "', which is not a naoyu command");
                }
                inSection.put(name, command);
                listed.add(name);
            }
            text.append(section.getKey()).append(":%n").append(help.commandList(inSection));
        }
        Set<String> missing = new LinkedHashSet<>(commands.keySet());
        missing.removeAll(listed);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("commands " + missing + " are in no help section; add them to "
                    + "CommandSections.SECTIONS");
        }
        return text.toString();
    }
}
