package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.CONFIG;
import static org.naoyu.acquisition.lsl.LslTestSupport.info;
import static org.naoyu.acquisition.lsl.LslTestSupport.pullAll;
import static org.naoyu.acquisition.lsl.LslTestSupport.resolveOne;
import static org.naoyu.acquisition.lsl.LslTestSupport.signal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;

/** Java outlet to Java inlet over loopback: every format, both timestamp modes, several peers. */
@Timeout(60)
class LoopbackStreamingTest {

    @ParameterizedTest
    @EnumSource(ChannelFormat.class)
    void everyFormatArrivesExactlyWithTransmittedTimestamps(ChannelFormat format) throws Exception {
        StreamInfo info = info("fmt-" + format, format, 5, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            Chunk sent = signal(format, 5, 0, 50, 1000.0, 0.01);
            outlet.push(sent.copyOfRange(0, 40));
            outlet.push(sent.copyOfRange(40, 50));
            assertEquals(sent, pullAll(inlet, 50, Duration.ofSeconds(10)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChannelFormat.class, names = {"FLOAT32", "INT16", "STRING"})
    void deducedTimestampsAreRebuiltFromTheNominalRate(ChannelFormat format) throws Exception {
        StreamInfo info = info("deduced-" + format, format, 3, 250);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            outlet.pushDeduced(signal(format, 3, 0, 25, 500.0, 0.004));
            Chunk received = pullAll(inlet, 25, Duration.ofSeconds(10));
            for (int s = 0; s < 25; s++) {
                assertEquals(500.0 + s * 0.004, received.timestamps()[s], 1e-9, "sample " + s);
            }
            assertEquals(signal(format, 3, 0, 25, 500.0, 0.004).valueAsString(24, 2), received.valueAsString(24, 2));
        }
    }

    @Test
    void singleSamplesAndChannelMetadataArrive() throws Exception {
        StreamInfo info = StreamInfo.builder("meta-" + LslTestSupport.uniqueId(), 2, 0, ChannelFormat.STRING)
                .type("Markers").sourceId("naoyu-test-" + LslTestSupport.uniqueId())
                .channels(List.of(new ChannelInfo("cue", "", "Marker", null), ChannelInfo.labelled("label")))
                .build();
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            assertEquals(List.of("cue", "label"), inlet.info().channelLabels(), "channels come with the fullinfo");
            assertEquals("Marker", inlet.info().channels().get(0).type());
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            double before = LocalClock.now();
            outlet.pushSample("go", "脑语 ma3");
            String[] values = new String[2];
            double timestamp = inlet.pullSample(values, Duration.ofSeconds(5));
            assertArrayEquals(new String[] {"go", "脑语 ma3"}, values);
            assertTrue(timestamp >= before && timestamp <= LocalClock.now(), before + " <= " + timestamp);
            assertTrue(Double.isNaN(inlet.pullSample(values, Duration.ofMillis(50))), "NaN when nothing came");
        }
    }

    @Test
    void oneResolverFindsSeveralOutletsAndQueriesSelect() throws Exception {
        StreamInfo eeg = info("multi-eeg", ChannelFormat.FLOAT32, 8, 500);
        StreamInfo ecog = StreamInfo.builder("multi-ecog-" + LslTestSupport.uniqueId(), 64, 2000, ChannelFormat.INT16)
                .type("ECOG").sourceId(eeg.sourceId() + "-b").build();
        StreamInfo markers = info("multi-markers", ChannelFormat.STRING, 1, 0);
        try (StreamOutlet a = StreamOutlet.open(eeg, CONFIG);
             StreamOutlet b = StreamOutlet.open(ecog, CONFIG);
             StreamOutlet c = StreamOutlet.open(markers, CONFIG)) {
            Set<String> all = StreamResolver.resolveAll(CONFIG, Duration.ofSeconds(2)).stream()
                    .map(s -> s.info().uid()).collect(Collectors.toSet());
            assertTrue(all.containsAll(Set.of(a.info().uid(), b.info().uid(), c.info().uid())),
                    "every local outlet is found, not only the newest: " + all);
            List<ResolvedStream> byPredicate = StreamResolver.resolve(CONFIG,
                    "starts-with(source_id,'" + eeg.sourceId() + "') and channel_count>8", 1, Duration.ofSeconds(5));
            assertEquals(List.of(b.info().uid()), byPredicate.stream().map(s -> s.info().uid()).toList());
            List<ResolvedStream> byName = StreamResolver.resolveByProperty(CONFIG, "name", markers.name(), 1,
                    Duration.ofSeconds(5));
            assertEquals(1, byName.size());
            ResolvedStream found = byName.get(0);
            assertEquals("127.0.0.1", found.host(), "filled from the reply's source, as liblsl's v4address is empty");
            assertEquals(c.dataPort(), found.dataPort());
            assertEquals(c.servicePort(), found.servicePort());
            assertEquals(110, found.protocolVersion());
            assertEquals(markers.sourceId(), found.info().sourceId());
            assertTrue(StreamResolver.resolveByProperty(CONFIG, "name", "no-such-" + LslTestSupport.uniqueId(), 1,
                    Duration.ofMillis(700)).isEmpty());
        }
    }

    @Test
    void twoInletsOnOneOutletBothGetEverything() throws Exception {
        StreamInfo info = info("two-inlets", ChannelFormat.DOUBLE64, 4, 1000);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
            ResolvedStream stream = resolveOne(info);
            try (StreamInlet first = StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults());
                 StreamInlet second = StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (outlet.consumerCount() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(2, outlet.consumerCount());
                Chunk sent = signal(ChannelFormat.DOUBLE64, 4, 0, 200, 10.0, 0.001);
                outlet.push(sent);
                assertEquals(sent, pullAll(first, 200, Duration.ofSeconds(10)));
                assertEquals(sent, pullAll(second, 200, Duration.ofSeconds(10)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (outlet.haveConsumers() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, outlet.consumerCount(), "closed inlets are forgotten");
        }
    }

    @Test
    void aConsumerThatStopsReadingNeitherBlocksTheProducerNorTheOthers() throws Exception {
        StreamInfo info = info("stalled", ChannelFormat.FLOAT32, 256, 2000);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
            ResolvedStream stream = resolveOne(info);
            StreamInlet.Options smallBuffer = StreamInlet.Options.defaults().withMaxBufferSeconds(0.05);
            try (StreamInlet stalled = StreamInlet.open(stream, CONFIG, smallBuffer);
                 StreamInlet reader = StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (outlet.consumerCount() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                int chunks = 500;
                long start = System.nanoTime();
                for (int i = 0; i < chunks; i++) {
                    outlet.push(signal(ChannelFormat.FLOAT32, 256, i * 20, 20, i * 0.01, 0.0005));
                }
                double pushSeconds = (System.nanoTime() - start) / 1e9;
                assertTrue(pushSeconds < 10, "pushing 10000 samples took " + pushSeconds + " s");
                Chunk all = pullAll(reader, chunks * 20, Duration.ofSeconds(30));
                assertEquals(9999.0, all.valueAsDouble(9999, 0), "the reading inlet got every sample in order");
                assertEquals(255_000.0 + 9999, all.valueAsDouble(9999, 255));
                Thread.sleep(200);
                assertTrue(stalled.samplesAvailable() <= 100, "the stalled inlet keeps only its buffer: "
                        + stalled.samplesAvailable());
                assertTrue(stalled.droppedSamples() > 0, "and counts what it dropped");
            }
        }
    }

    @Test
    void timeCorrectionOnOneMachineIsNearZero() throws Exception {
        StreamInfo info = info("clock", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            TimeProbes.Estimate estimate = inlet.timeEstimate(Duration.ofSeconds(5));
            assertEquals(0.0, estimate.correction(), 0.002, "one clock, so only probe asymmetry remains");
            assertTrue(estimate.uncertainty() >= 0 && estimate.uncertainty() < 0.01, "rtt " + estimate.uncertainty());
            assertEquals(LocalClock.now(), estimate.remoteTime(), 5.0);
        }
    }

    @Test
    void timestampZeroMeansNowAndMinusOneMeansDeduced() throws Exception {
        StreamInfo info = info("push-semantics", ChannelFormat.INT16, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            double before = LocalClock.now();
            outlet.push(Chunk.ofInt16(1, new double[] {0.0, -1.0, 50.0, -1.0}, new short[] {1, 2, 3, 4}));
            double[] t = pullAll(inlet, 4, Duration.ofSeconds(5)).timestamps();
            assertTrue(t[0] >= before && t[0] <= LocalClock.now(), "0.0 was stamped now: " + t[0]);
            assertEquals(t[0] + 0.01, t[1], 1e-9, "-1.0 was deduced from the previous one");
            assertEquals(50.0, t[2]);
            assertEquals(50.01, t[3], 1e-9);
        }
    }

    @Test
    void aReusedResolverDoesNotMixUpItsQueries() throws Exception {
        StreamInfo info = info("reuse", ChannelFormat.FLOAT32, 1, 10);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamResolver resolver = new StreamResolver(CONFIG)) {
            assertEquals(1, resolver.find("name='" + info.name() + "'", 1, Duration.ofSeconds(5)).size());
            assertTrue(resolver.find("name='" + info.name() + "-absent'", 1, Duration.ofMillis(800)).isEmpty(),
                    "late replies to the first query are not answers to the second");
        }
    }

    @Test
    void clockSyncAndMonotonicPostProcessing() throws Exception {
        StreamInfo info = info("postproc", ChannelFormat.FLOAT32, 1, 100);
        StreamInlet.Options options = StreamInlet.Options.defaults()
                .withProcessing(Set.of(StreamInlet.Processing.MONOTONIC));
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = StreamInlet.open(resolveOne(info), CONFIG, options)) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            Chunk backwards = Chunk.ofFloat32(1, new double[] {10.0, 9.0, 11.0}, new float[] {1, 2, 3});
            outlet.push(backwards);
            assertArrayEquals(new double[] {10.0, 10.0, 11.0}, pullAll(inlet, 3, Duration.ofSeconds(5)).timestamps());
        }
    }
}
