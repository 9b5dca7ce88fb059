package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.CONFIG;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.StreamInfo;

@Timeout(60)
class ContinuousResolverTest {

    @Test
    void streamsAppearAndDisappear() throws Exception {
        String sourceId = "naoyu-test-" + LslTestSupport.uniqueId();
        StreamInfo info = StreamInfo.builder("cont-" + LslTestSupport.uniqueId(), 1, 10, ChannelFormat.FLOAT32)
                .sourceId(sourceId).build();
        List<String> events = new CopyOnWriteArrayList<>();
        try (ContinuousResolver resolver = new ContinuousResolver(CONFIG, "source_id='" + sourceId + "'",
                Duration.ofSeconds(2))) {
            resolver.addListener(new ContinuousResolver.Listener() {
                @Override
                public void appeared(ResolvedStream stream) {
                    events.add("+" + stream.info().name());
                }

                @Override
                public void disappeared(ResolvedStream stream) {
                    events.add("-" + stream.info().name());
                }
            });
            assertTrue(resolver.results().isEmpty());
            try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
                waitFor(() -> resolver.results().size() == 1, Duration.ofSeconds(5));
                assertEquals(outlet.info().uid(), resolver.results().get(0).info().uid());
            }
            waitFor(() -> resolver.results().isEmpty(), Duration.ofSeconds(10));
            waitFor(() -> events.size() == 2, Duration.ofSeconds(2)); // listeners run just after the list changes
            assertEquals(List.of("+" + info.name(), "-" + info.name()), events);
        }
    }

    @Test
    void refusesAForgetTimeShorterThanAWave() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ContinuousResolver(CONFIG, "", Duration.ofMillis(100)));
        assertEquals("forgetAfter must be at least 500 ms, got 100 ms", e.getMessage());
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
