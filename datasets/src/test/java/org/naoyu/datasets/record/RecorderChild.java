package org.naoyu.datasets.record;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamResolver;

/** A recorder in its own process, for the test that kills it: records the stream with source id args[0] to args[1]. */
public final class RecorderChild {
    private RecorderChild() {
    }

    public static void main(String[] args) throws Exception {
        LslConfig config = LslConfig.defaults();
        var stream = StreamResolver.resolveByProperty(config, "source_id", args[0], 1, Duration.ofSeconds(10)).get(0);
        SessionRecorder recorder = SessionRecorder.start(List.of(stream), config, Path.of(args[1]), Map.of(),
                Duration.ofSeconds(1));
        System.out.println("recording");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until killed: the test wants no orderly close
        recorder.close();
    }
}
