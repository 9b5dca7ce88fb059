package org.naoyu.speller.cli.lsl;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code naoyu lsl push NAME}: publishes the deterministic test signal in real time, for interop checks. */
@Command(name = "push", description = "Publish an LSL stream carrying the test signal value = channel * 1000 + sample index, in real "
                + "time, for checking another LSL program (or 'naoyu lsl pull --verify-signal') against naoyu.")
public final class PushCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Parameters(paramLabel = "NAME", description = "The stream's name.")
    String name;

    @Option(names = "--channels", defaultValue = "8", description = "Channel count, 1-65536 (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "HZ",
            description = "Nominal rate in Hz, 1-100000 (default ${DEFAULT-VALUE}).")
    double rateHz;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to publish (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--format", defaultValue = "float32",
            description = "float32, double64, string, int32, int16, int8 or int64 (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--type", defaultValue = "EEG", description = "Content type (default ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--source-id", description = "Source id (default naoyu-push-NAME): inlets recover by it.")
    String sourceId;

    @Option(names = "--chunk", defaultValue = "0", paramLabel = "SAMPLES",
            description = "Samples per push; 0 (default) pushes what is due every millisecond.")
    int chunkSamples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(rateHz >= 1 && rateHz <= 100_000)) {
            throw new IllegalArgumentException("--rate must be in [1, 100000] Hz, got " + rateHz);
        }
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new IllegalArgumentException("--seconds must be in (0, 86400], got " + seconds);
        }
        if (chunkSamples < 0 || chunkSamples > 100_000) {
            throw new IllegalArgumentException("--chunk must be in [0, 100000] samples, got " + chunkSamples);
        }
        ChannelFormat channelFormat;
        try {
            channelFormat = ChannelFormat.fromWireName(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage(), e);
        }
        LslConfig config = lsl.config();
        StreamInfo info = StreamInfo.builder(name, channels, rateHz, channelFormat).type(type)
                .sourceId(sourceId != null ? sourceId : "naoyu-push-" + name).build();
        PrintWriter out = spec.commandLine().getOut();
        long total = (long) Math.floor(seconds * rateHz);
        try (StreamOutlet outlet = StreamOutlet.open(info, config)) {
            out.printf("publishing '%s': %d ch %s at %s Hz for %s s on %s (source id %s, scope %s)%n", info.name(),
                    info.channelCount(), channelFormat, rateHz, seconds,
                    outlet.dataAddress().getAddress().getHostAddress() + ":" + outlet.dataPort(), info.sourceId(),
                    config.scope().configName());
            out.flush();
            double start = LocalClock.now();
            long sent = 0;
            while (sent < total) {
                long due = Math.min(total, (long) Math.floor((LocalClock.now() - start) * rateHz) + 1);
                long batch = chunkSamples > 0 ? (due - sent >= chunkSamples ? chunkSamples : 0) : due - sent;
                if (batch > 0) {
                    Chunk chunk = Chunk.allocate(channelFormat, channels, (int) batch);
                    for (int s = 0; s < batch; s++) {
                        chunk.timestamps()[s] = start + (sent + s) / rateHz;
                    }
                    TestSignal.fill(chunk, sent);
                    outlet.push(chunk);
                    sent += batch;
                } else {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            out.printf("pushed %d samples to %d inlet(s)%n", sent, outlet.consumerCount());
        }
        return 0;
    }
}
