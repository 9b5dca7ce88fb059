package org.naoyu.speller.cli.lsl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.support.JsonText;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code naoyu lsl list}: every stream that answers, as a table or JSON. */
@Command(name = "list", description = "List the LSL streams that answer: name, type, channels, rate, format, source id, host.")
public final class ListCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LslConfig config = lsl.config();
        List<ResolvedStream> streams = new ArrayList<>(StreamResolver.resolveAll(config, lsl.timeout()));
        streams.sort(Comparator.comparing((ResolvedStream s) -> s.info().name()).thenComparing(s -> s.info().uid()));
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            out.println(toJson(streams));
        } else {
            printTable(out, streams, config);
        }
        out.flush();
        return 0;
    }

    /** One answering stream as {@code --json} prints it. */
    record Listed(String name, String type, int channels, double rateHz, String format, String sourceId,
            String hostname, String address, String uid) {
        static Listed of(ResolvedStream s) {
            StreamInfo info = s.info();
            return new Listed(info.name(), info.type(), info.channelCount(), info.nominalRateHz(),
                    info.format().wireName(), info.sourceId(), info.hostname(), s.host() + ":" + s.dataPort(),
                    info.uid());
        }
    }

    /** A JSON array with one stream a line, so a person can read it and {@code jq} can parse it. */
    static String toJson(List<ResolvedStream> streams) {
        if (streams.isEmpty()) {
            return "[]";
        }
        StringJoiner lines = new StringJoiner(",\n  ", "[\n  ", "\n]");
        streams.forEach(s -> lines.add(JsonText.document(Listed.of(s))));
        return lines.toString();
    }

    private static void printTable(PrintWriter out, List<ResolvedStream> streams, LslConfig config) {
        if (streams.isEmpty()) {
            out.println("no LSL streams answered (scope " + config.scope().configName() + ", session '"
                    + config.sessionId() + "')");
            return;
        }
        Table table = new Table("NAME", "TYPE", "CHANNELS", "RATE (Hz)", "FORMAT", "SOURCE ID", "HOST");
        for (ResolvedStream s : streams) {
            StreamInfo info = s.info();
            table.row(info.name(), info.type(), Integer.toString(info.channelCount()),
                    info.isIrregular() ? "irregular" : Numbers.plain(info.nominalRateHz()), info.format().wireName(),
                    info.sourceId(), info.hostname() + " (" + s.host() + ":" + s.dataPort() + ")");
        }
        table.print(out, "");
        out.println(streams.size() + (streams.size() == 1 ? " stream" : " streams"));
    }
}
