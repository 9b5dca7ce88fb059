package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.CONFIG;
import static org.naoyu.acquisition.lsl.LslTestSupport.info;
import static org.naoyu.acquisition.lsl.LslTestSupport.pullAll;
import static org.naoyu.acquisition.lsl.LslTestSupport.resolveOne;
import static org.naoyu.acquisition.lsl.LslTestSupport.signal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/** §10: when the outlet dies and one with the same source id appears, the inlet reconnects by itself. */
@Timeout(60)
class RecoveryTest {

    @Test
    void reconnectsToARestartedOutletAndReportsTheGap() throws Exception {
        StreamInfo info = info("recover", ChannelFormat.FLOAT32, 3, 100);
        List<StreamInlet.Gap> reported = new CopyOnWriteArrayList<>();
        StreamOutlet first = StreamOutlet.open(info, CONFIG);
        try (StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            inlet.onGap(reported::add);
            assertTrue(first.waitForConsumers(Duration.ofSeconds(5)));
            first.push(signal(ChannelFormat.FLOAT32, 3, 0, 10, 100.0, 0.01));
            assertEquals(10, pullAll(inlet, 10, Duration.ofSeconds(5)).sampleCount());
            first.close();

            try (StreamOutlet second = StreamOutlet.open(info, CONFIG)) { // the same source, restarted
                assertTrue(second.waitForConsumers(Duration.ofSeconds(20)), "the inlet found the new outlet");
                second.push(signal(ChannelFormat.FLOAT32, 3, 500, 5, 105.0, 0.01));
                Chunk after = pullAll(inlet, 5, Duration.ofSeconds(10));
                assertEquals(500.0, after.valueAsDouble(0, 0));
                assertEquals(2504.0, after.valueAsDouble(4, 2));
                assertEquals(1, inlet.reconnects());
                assertEquals(1, inlet.gaps().size());
                StreamInlet.Gap gap = inlet.gaps().get(0);
                assertEquals(100.09, gap.lastTimestampBefore(), 1e-9);
                assertEquals(105.0, gap.firstTimestampAfter(), 1e-9);
                assertEquals(4.91, gap.seconds(), 1e-9);
                assertEquals(first.info().uid(), gap.oldUid());
                assertEquals(second.info().uid(), gap.newUid());
                assertEquals(List.of(gap), reported);
                assertTrue(inlet.isConnected());
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aStreamWithoutSourceIdIsLostWhenItsOutletCloses() throws Exception {
        StreamInfo info = StreamInfo.builder("no-source-" + LslTestSupport.uniqueId(), 1, 100, ChannelFormat.FLOAT32)
                .build();
        StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
        ResolvedStream stream = StreamResolver.resolveByProperty(CONFIG, "name", info.name(), 1,
                Duration.ofSeconds(5)).get(0);
        try (StreamInlet inlet = StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults())) {
            outlet.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!inlet.isLost() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(inlet.isLost(), "without a source id there is nothing to recover by");
            assertEquals(0, inlet.reconnects());
        } finally {
            outlet.close();
        }
    }

    @Test
    void theRecoveryQueryIsLiblsls() throws Exception {
        StreamInfo info = StreamInfo.builder("rq-" + LslTestSupport.uniqueId(), 2, 100, ChannelFormat.INT16)
                .type("EEG").sourceId("it's-" + LslTestSupport.uniqueId()).build();
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            assertEquals("channel_count='2' and name='" + info.name() + "' and type='EEG' and source_id=\""
                    + info.sourceId() + "\" and channel_format='int16'", inlet.recoveryQuery());
            try (StreamResolver resolver = new StreamResolver(CONFIG)) {
                List<ResolvedStream> found = resolver.query(inlet.recoveryQuery(), 1, Duration.ofSeconds(5));
                assertEquals(outlet.info().uid(), found.get(0).info().uid(), "the query finds the stream");
            }
        }
    }
}
