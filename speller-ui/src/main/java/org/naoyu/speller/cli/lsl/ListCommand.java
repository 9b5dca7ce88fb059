package org.naoyu.speller.cli.lsl;
import org.naoyu.speller.cli.options.LslOptions;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.speller.support.Json;
import org.naoyu.speller.cli.options.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code naoyu lsl list}: every stream that answers, as a table or JSON. */
@Command(name = "list", description = "List the LSL streams that answer: name, type, channels, rate, format, source id, host.")
public final class ListCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    org.naoyu.speller.cli.options.HelpOption help;

    @Mixin
    LslOptions lsl;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LslConfig config = lsl.config();
        List<ResolvedStream> streams = new ArrayList<>(StreamResolver.resolveAll(config, lsl.timeout()));
        streams.sort(Comparator.comparing((ResolvedStream s) -> s.info().name()).thenComparing(s -> s.info().uid()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(streams));
        } else {
            printTable(out, streams, config);
        }
        out.flush();
        return 0;
    }

    static String toJson(List<ResolvedStream> streams) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < streams.size(); i++) {
            ResolvedStream s = streams.get(i);
            StreamInfo info = s.info();
            text.append(i == 0 ? "\n  " : ",\n  ").append('{')
                    .append("\"name\": ").append(Json.string(info.name()))
                    .append(", \"type\": ").append(Json.string(info.type()))
                    .append(", \"channels\": ").append(info.channelCount())
                    .append(", \"rateHz\": ").append(Json.number(info.nominalRateHz()))
                    .append(", \"format\": ").append(Json.string(info.format().wireName()))
                    .append(", \"sourceId\": ").append(Json.string(info.sourceId()))
                    .append(", \"hostname\": ").append(Json.string(info.hostname()))
                    .append(", \"address\": ").append(Json.string(s.host() + ":" + s.dataPort()))
                    .append(", \"uid\": ").append(Json.string(info.uid()))
                    .append('}');
        }
        return text.append(streams.isEmpty() ? "]" : "\n]").toString();
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
                    info.isIrregular() ? "irregular" : Json.number(info.nominalRateHz()), info.format().wireName(),
                    info.sourceId(), info.hostname() + " (" + s.host() + ":" + s.dataPort() + ")");
        }
        table.print(out, "");
        out.println(streams.size() + (streams.size() == 1 ? " stream" : " streams"));
    }
}
