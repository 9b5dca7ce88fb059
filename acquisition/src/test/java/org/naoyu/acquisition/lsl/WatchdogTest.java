package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.info;
import static org.naoyu.acquisition.lsl.LslTestSupport.pullAll;
import static org.naoyu.acquisition.lsl.LslTestSupport.signal;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/** §10, watchdog: a regular stream that goes silent is reconnected; a silent marker stream is left alone. */
@Timeout(60)
class WatchdogTest {
    /** liblsl's timing with a 1-s watchdog instead of 15 s, so the test is quick. */
    private static final LslConfig FAST_WATCHDOG = LslTestSupport.CONFIG
            .withTuning(new LslConfig.Tuning(110, 0.5, 0.75, 2.0, 8, 0.064, 6, 1.0));

    @Test
    void aSilentRegularStreamIsReconnected() throws Exception {
        StreamInfo info = info("watchdog", ChannelFormat.FLOAT32, 2, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, FAST_WATCHDOG);
             StreamInlet inlet = StreamInlet.open(LslTestSupport.resolveOne(info), FAST_WATCHDOG,
                     StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            outlet.push(signal(ChannelFormat.FLOAT32, 2, 0, 5, 10.0, 0.01));
            assertEquals(5, pullAll(inlet, 5, Duration.ofSeconds(5)).sampleCount());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (inlet.reconnects() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, inlet.reconnects(), "no data for more than the threshold: the feed was renewed");
            deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!inlet.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200); // let the new feed register at the outlet
            outlet.push(signal(ChannelFormat.FLOAT32, 2, 100, 3, 20.0, 0.01));
            Chunk after = pullAll(inlet, 3, Duration.ofSeconds(5));
            assertEquals(100.0, after.valueAsDouble(0, 0));
            assertEquals(1, inlet.gaps().size());
            assertTrue(inlet.gaps().get(0).reason().startsWith("no data for "), inlet.gaps().get(0).reason());
        }
    }

    @Test
    void aSilentMarkerStreamWhoseOutletLivesIsLeftConnected() throws Exception {
        StreamInfo info = info("quiet-markers", ChannelFormat.STRING, 1, 0);
        try (StreamOutlet outlet = StreamOutlet.open(info, FAST_WATCHDOG);
             StreamInlet inlet = StreamInlet.open(LslTestSupport.resolveOne(info), FAST_WATCHDOG,
                     StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            Thread.sleep(3000); // three watchdog periods without an event
            assertEquals(0, inlet.reconnects());
            assertTrue(inlet.isConnected());
            outlet.pushSample("still here");
            String[] value = new String[1];
            assertTrue(inlet.pullSample(value, Duration.ofSeconds(5)) > 0);
            assertEquals("still here", value[0]);
        }
    }
}
