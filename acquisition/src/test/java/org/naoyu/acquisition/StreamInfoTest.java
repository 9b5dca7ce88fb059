package org.naoyu.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamInfoTest {

    /** The fields of a valid 4-channel ECoG stream; each bad-input case changes exactly one. */
    private static final class Fields {
        String name = "naoyu-sim";
        String type = "ECOG";
        int channelCount = 4;
        double nominalRateHz = 2000;
        ChannelFormat format = ChannelFormat.FLOAT32;
        String sourceId = "sim-1234";
        String uid = "0f8e2c4a-6a1d-4a8b-9a43-1b2c3d4e5f60";
        String sessionId = "default";
        String hostname = "lab-pc";
        List<ChannelInfo> channels = List.of(ChannelInfo.labelled("G1"), ChannelInfo.labelled("G2"),
                ChannelInfo.labelled("G3"), ChannelInfo.labelled("G4"));
        double createdAt = 1234.5;

        StreamInfo build() {
            return new StreamInfo(name, type, channelCount, nominalRateHz, format, sourceId, uid, sessionId,
                    hostname, channels, createdAt);
        }
    }

    private static Arguments bad(String expectedMessage, UnaryOperator<Fields> change) {
        return Arguments.of(expectedMessage, change);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("name must be a string (may be empty), got null", f -> { f.name = null; return f; }),
                bad("name must be a non-blank string, got ''", f -> { f.name = ""; return f; }),
                bad("name must be a non-blank string, got '   '", f -> { f.name = "   "; return f; }),
                bad("name must not contain control characters, got U+0000 at index 3",
                        f -> { f.name = "bad\0name"; return f; }),
                bad("name must not contain control characters, got U+000A at index 3",
                        f -> { f.name = "two\nlines"; return f; }),
                bad("name must be at most 1024 characters long, got 1025 characters",
                        f -> { f.name = "x".repeat(1025); return f; }),
                bad("type must be a string (may be empty), got null", f -> { f.type = null; return f; }),
                bad("channelCount must be in [1, 65536], got 0", f -> { f.channelCount = 0; f.channels = List.of(); return f; }),
                bad("channelCount must be in [1, 65536], got -3", f -> { f.channelCount = -3; return f; }),
                bad("channelCount must be in [1, 65536], got 65537", f -> { f.channelCount = 65537; return f; }),
                bad("nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got NaN",
                        f -> { f.nominalRateHz = Double.NaN; return f; }),
                bad("nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got -250.0",
                        f -> { f.nominalRateHz = -250; return f; }),
                bad("nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got Infinity",
                        f -> { f.nominalRateHz = Double.POSITIVE_INFINITY; return f; }),
                bad("nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got 1.0E300",
                        f -> { f.nominalRateHz = 1e300; return f; }),
                bad("nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got 1000000.5",
                        f -> { f.nominalRateHz = 1_000_000.5; return f; }),
                bad("format must not be null", f -> { f.format = null; return f; }),
                bad("sourceId must be a string (may be empty), got null", f -> { f.sourceId = null; return f; }),
                bad("uid must be a non-blank string, got ''", f -> { f.uid = ""; return f; }),
                bad("sessionId must be a non-blank string, got ''", f -> { f.sessionId = ""; return f; }),
                bad("hostname must be a string (may be empty), got null", f -> { f.hostname = null; return f; }),
                bad("channels must not be null", f -> { f.channels = null; return f; }),
                bad("channels[1] must not be null",
                        f -> { f.channels = Arrays.asList(ChannelInfo.labelled("a"), null, ChannelInfo.labelled("c"),
                                ChannelInfo.labelled("d")); return f; }),
                bad("channels must have one entry per channel (channelCount = 4) or none, got 3",
                        f -> { f.channels = f.channels.subList(0, 3); return f; }),
                bad("channels must have one entry per channel (channelCount = 4) or none, got 5",
                        f -> { f.channels = withOneMore(f.channels); return f; }),
                bad("createdAt must be a finite number of seconds >= 0, got NaN",
                        f -> { f.createdAt = Double.NaN; return f; }),
                bad("createdAt must be a finite number of seconds >= 0, got -1.0",
                        f -> { f.createdAt = -1; return f; }),
                bad("createdAt must be a finite number of seconds >= 0, got Infinity",
                        f -> { f.createdAt = Double.POSITIVE_INFINITY; return f; }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void everyBadFieldIsNamedWithItsRangeAndValue(String expectedMessage, UnaryOperator<Fields> change) {
        Fields fields = change.apply(new Fields());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fields::build);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void validFieldsAreKept() {
        StreamInfo info = new Fields().build();
        assertEquals("naoyu-sim", info.name());
        assertEquals("ECOG", info.type());
        assertEquals(4, info.channelCount());
        assertEquals(2000.0, info.nominalRateHz());
        assertEquals(ChannelFormat.FLOAT32, info.format());
        assertEquals("sim-1234", info.sourceId());
        assertEquals("0f8e2c4a-6a1d-4a8b-9a43-1b2c3d4e5f60", info.uid());
        assertEquals("default", info.sessionId());
        assertEquals("lab-pc", info.hostname());
        assertEquals(List.of("G1", "G2", "G3", "G4"), info.channelLabels());
        assertEquals(1234.5, info.createdAt());
        assertEquals(0.0005, info.samplingIntervalSeconds());
        assertFalse(info.isIrregular());
    }

    @Test
    void boundaryValuesAreAccepted() {
        Fields fields = new Fields();
        fields.channelCount = StreamInfo.MAX_CHANNELS;
        fields.channels = List.of();
        fields.nominalRateHz = StreamInfo.MAX_NOMINAL_RATE_HZ;
        fields.createdAt = 0;
        fields.name = "n".repeat(1024);
        fields.type = "";
        fields.sourceId = "";
        fields.hostname = "";
        StreamInfo info = fields.build();
        assertEquals(65536, info.channelCount());
        assertEquals(1_000_000.0, info.nominalRateHz());
    }

    @Test
    void tabsAndNonAsciiTextAreFine() {
        Fields fields = new Fields();
        fields.name = "脑语\tECoG µV";
        assertEquals("脑语\tECoG µV", fields.build().name());
    }

    @Test
    void channelListIsCopied() {
        Fields fields = new Fields();
        List<ChannelInfo> mutable = new ArrayList<>(fields.channels);
        fields.channels = mutable;
        StreamInfo info = fields.build();
        mutable.set(0, ChannelInfo.labelled("changed"));
        assertEquals("G1", info.channels().get(0).label());
        assertThrows(UnsupportedOperationException.class, () -> info.channels().clear());
    }

    @Test
    void irregularStreamsHaveNoSamplingInterval() {
        StreamInfo markers = StreamInfo.builder("naoyu-markers", 1, StreamInfo.IRREGULAR_RATE, ChannelFormat.STRING)
                .type("Markers").build();
        assertTrue(markers.isIrregular());
        IllegalStateException e = assertThrows(IllegalStateException.class, markers::samplingIntervalSeconds);
        assertEquals("stream 'naoyu-markers' has an irregular rate and no sampling interval; check isIrregular() "
                + "first", e.getMessage());
    }

    @Test
    void builderGivesLslDefaults() {
        double before = LocalClock.now();
        StreamInfo info = StreamInfo.builder("eeg", 8, 250, ChannelFormat.INT16).build();
        double after = LocalClock.now();
        assertEquals("", info.type());
        assertEquals("", info.sourceId());
        assertEquals("default", info.sessionId());
        assertTrue(info.uid().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                "uid is a lower-case random UUID v4 as liblsl makes: " + info.uid());
        assertFalse(info.hostname().isBlank());
        assertTrue(info.createdAt() >= before && info.createdAt() <= after,
                before + " <= " + info.createdAt() + " <= " + after);
        assertEquals(List.of(), info.channels());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), info.channelLabels());
        assertNotEquals(info.uid(), StreamInfo.builder("eeg", 8, 250, ChannelFormat.INT16).build().uid(),
                "each outlet instance gets its own uid");
    }

    @Test
    void builderValidatesThroughTheRecord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamInfo.builder("eeg", 2, 250, ChannelFormat.FLOAT32).channelLabels(List.of("C3")).build());
        assertEquals("channels must have one entry per channel (channelCount = 2) or none, got 1", e.getMessage());
        assertEquals("channelLabels must not be null", assertThrows(IllegalArgumentException.class,
                () -> StreamInfo.builder("eeg", 2, 250, ChannelFormat.FLOAT32).channelLabels(null)).getMessage());
        assertEquals("label must be a string (may be empty), got null", assertThrows(IllegalArgumentException.class,
                () -> StreamInfo.builder("eeg", 1, 250, ChannelFormat.FLOAT32)
                        .channelLabels(Arrays.asList((String) null))).getMessage());
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        StreamInfo info = new Fields().build();
        assertEquals(info, info.toBuilder().build());
        StreamInfo renamed = info.toBuilder().sourceId("other").build();
        assertEquals("other", renamed.sourceId());
        assertEquals(info.uid(), renamed.uid());
    }

    @Test
    void channelMetadataIsValidated() {
        ChannelInfo full = new ChannelInfo("G12", "microvolts", "ECOG", new ChannelPosition(12.5, -3, 0));
        assertEquals(12.5, full.optionalPosition().orElseThrow().xMm());
        assertTrue(ChannelInfo.labelled("Fz").optionalPosition().isEmpty());
        assertEquals("unit must be a string (may be empty), got null", assertThrows(IllegalArgumentException.class,
                () -> new ChannelInfo("G1", null, "", null)).getMessage());
        assertEquals("type must be a string (may be empty), got null", assertThrows(IllegalArgumentException.class,
                () -> new ChannelInfo("G1", "", null, null)).getMessage());
        assertEquals("yMm must be a finite number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new ChannelPosition(0, Double.NaN, 0)).getMessage());
        assertEquals("zMm must be a finite number, got -Infinity", assertThrows(IllegalArgumentException.class,
                () -> new ChannelPosition(0, 0, Double.NEGATIVE_INFINITY)).getMessage());
    }

    private static List<ChannelInfo> withOneMore(List<ChannelInfo> channels) {
        List<ChannelInfo> more = new ArrayList<>(channels);
        more.add(ChannelInfo.labelled("extra"));
        return more;
    }
}
