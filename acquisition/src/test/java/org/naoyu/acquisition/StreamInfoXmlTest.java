package org.naoyu.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamInfoXmlTest {

    /** A shortinfo as liblsl 1.17 sends it in a discovery reply (lsl-wire-protocol.md §3), re-serialised form. */
    private static final String LIBLSL_SHORTINFO = "<?xml version=\"1.0\"?>\n"
            + "<info>\n"
            + "\t<name>BioSemi</name>\n"
            + "\t<type>EEG</type>\n"
            + "\t<channel_count>8</channel_count>\n"
            + "\t<channel_format>float32</channel_format>\n"
            + "\t<source_id>myuid34234</source_id>\n"
            + "\t<nominal_srate>100.0000000000000</nominal_srate>\n"
            + "\t<version>1.100000000000000</version>\n"
            + "\t<created_at>653103.2669223000</created_at>\n"
            + "\t<uid>fa3e14ab-b621-480e-a9d5-c740f0e47140</uid>\n"
            + "\t<session_id>default</session_id>\n"
            + "\t<hostname>BP-LP-022</hostname>\n"
            + "\t<v4address />\n"
            + "\t<v4data_port>16573</v4data_port>\n"
            + "\t<v4service_port>16573</v4service_port>\n"
            + "\t<v6address />\n"
            + "\t<v6data_port>16573</v6data_port>\n"
            + "\t<v6service_port>16573</v6service_port>\n"
            + "\t<desc />\n"
            + "</info>\n";

    @Test
    void readsALiblslShortinfo() {
        StreamInfo info = StreamInfoXml.parse(LIBLSL_SHORTINFO);
        assertEquals("BioSemi", info.name());
        assertEquals("EEG", info.type());
        assertEquals(8, info.channelCount());
        assertEquals(ChannelFormat.FLOAT32, info.format());
        assertEquals("myuid34234", info.sourceId());
        assertEquals(100.0, info.nominalRateHz());
        assertEquals(653103.2669223, info.createdAt());
        assertEquals("fa3e14ab-b621-480e-a9d5-c740f0e47140", info.uid());
        assertEquals("default", info.sessionId());
        assertEquals("BP-LP-022", info.hostname());
        assertEquals(List.of(), info.channels());
    }

    /** The exact bytes we write, in liblsl's element order, indentation and number format. */
    @Test
    void writesLiblslLayout() {
        StreamInfo info = StreamInfo.builder("naoyu <sim> & co", 2, 2000, ChannelFormat.INT16)
                .type("ECOG").sourceId("sim-\"7\"").uid("0f8e2c4a-6a1d-4a8b-9a43-1b2c3d4e5f60")
                .hostname("lab-pc").createdAt(724.162433127)
                .channels(List.of(new ChannelInfo("G1", "microvolts", "ECOG", new ChannelPosition(0, 4, 0)),
                        ChannelInfo.labelled("脑")))
                .build();
        String expected = "<?xml version=\"1.0\"?>\n"
                + "<info>\n"
                + "\t<name>naoyu &lt;sim&gt; &amp; co</name>\n"
                + "\t<type>ECOG</type>\n"
                + "\t<channel_count>2</channel_count>\n"
                + "\t<channel_format>int16</channel_format>\n"
                + "\t<source_id>sim-&quot;7&quot;</source_id>\n"
                + "\t<nominal_srate>2000.000000000000</nominal_srate>\n"
                + "\t<version>1.100000000000000</version>\n"
                + "\t<created_at>724.1624331270000</created_at>\n"
                + "\t<uid>0f8e2c4a-6a1d-4a8b-9a43-1b2c3d4e5f60</uid>\n"
                + "\t<session_id>default</session_id>\n"
                + "\t<hostname>lab-pc</hostname>\n"
                + "\t<v4address></v4address>\n"
                + "\t<v4data_port>0</v4data_port>\n"
                + "\t<v4service_port>0</v4service_port>\n"
                + "\t<v6address></v6address>\n"
                + "\t<v6data_port>0</v6data_port>\n"
                + "\t<v6service_port>0</v6service_port>\n"
                + "\t<desc>\n"
                + "\t\t<channels>\n"
                + "\t\t\t<channel>\n"
                + "\t\t\t\t<label>G1</label>\n"
                + "\t\t\t\t<unit>microvolts</unit>\n"
                + "\t\t\t\t<type>ECOG</type>\n"
                + "\t\t\t\t<location>\n"
                + "\t\t\t\t\t<X>0.000000000000000</X>\n"
                + "\t\t\t\t\t<Y>4.000000000000000</Y>\n"
                + "\t\t\t\t\t<Z>0.000000000000000</Z>\n"
                + "\t\t\t\t</location>\n"
                + "\t\t\t</channel>\n"
                + "\t\t\t<channel>\n"
                + "\t\t\t\t<label>脑</label>\n"
                + "\t\t\t\t<unit></unit>\n"
                + "\t\t\t\t<type></type>\n"
                + "\t\t\t</channel>\n"
                + "\t\t</channels>\n"
                + "\t</desc>\n"
                + "</info>\n";
        assertEquals(expected, StreamInfoXml.toXml(info));
        assertEquals(info, StreamInfoXml.parse(expected), "what we write reads back to the same info");
    }

    /** C's {@code %#.16g}, checked against printf output of liblsl (lsl-wire-protocol.md §3). */
    @ParameterizedTest
    @CsvSource({
        "100.0, 100.0000000000000",
        "10.0, 10.00000000000000",
        "0.0, 0.000000000000000",
        "1.1, 1.100000000000000",
        "724.162433127, 724.1624331270000",
        "2000.0, 2000.000000000000",
        "0.5, 0.5000000000000000",
    })
    void formatsNumbersAsLiblsl(double value, String expected) {
        assertEquals(expected, StreamInfoXml.formatDouble(value));
    }

    @Test
    void readsChannelPositionsAndKeepsMissingOnesMissing() {
        String xml = "<info><name>g</name><channel_count>2</channel_count><channel_format>double64</channel_format>"
                + "<nominal_srate>1000</nominal_srate><uid>u</uid><desc><manufacturer>x</manufacturer><channels>"
                + "<channel><label>A1</label><unit>µV</unit><location><X>1.5</X><Y>-2</Y><Z>3e1</Z></location>"
                + "</channel><channel><label>A2</label><location/></channel></channels></desc></info>";
        StreamInfo info = StreamInfoXml.parse(xml);
        assertEquals(new ChannelInfo("A1", "µV", "", new ChannelPosition(1.5, -2, 30)), info.channels().get(0));
        assertNull(info.channels().get(1).position());
        assertEquals("default", info.sessionId(), "liblsl's default session when none is given");
        assertEquals(0.0, info.createdAt());
    }

    @Test
    void channelMetadataThatDoesNotMatchTheCountIsDroppedNotTheStream() {
        String xml = "<info><name>g</name><channel_count>3</channel_count><channel_format>float32</channel_format>"
                + "<nominal_srate>250</nominal_srate><uid>u</uid><desc><channels><channel><label>A1</label>"
                + "</channel></channels></desc></info>";
        StreamInfo info = StreamInfoXml.parse(xml);
        assertEquals(3, info.channelCount());
        assertEquals(List.of("1", "2", "3"), info.channelLabels());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "<info><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: the <name> element is missing",
        "<info><name>n</name><channel_count>eight</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: <channel_count> must be a decimal integer, got 'eight'",
        "<info><name>n</name><channel_count>0</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: channelCount must be in [1, 65536], got 0",
        "<info><name>n</name><channel_count>1</channel_count><channel_format>float</channel_format><nominal_srate>1</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: channel_format must be one of float32, double64, string, int32, int16, int8, int64, got 'float'",
        "<info><name>n</name><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>fast</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: <nominal_srate> must be a decimal number, got 'fast'",
        "<info><name>n</name><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>-5</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: nominalRateHz must be 0 (irregular) or in (0, 1000000] Hz, got -5.0",
        "<info><name>n</name><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate></info>"
            + "|stream info XML: the <uid> element is missing",
        "<info><name></name><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate><uid>u</uid></info>"
            + "|stream info XML: name must be a non-blank string, got ''",
        "<stream><name>n</name></stream>"
            + "|stream info XML: the root element must be <info>, got <stream>",
        "<info><name>n</name><channel_count>1</channel_count><channel_format>float32</channel_format><nominal_srate>1</nominal_srate><uid>u</uid>"
            + "<desc><channels><channel><location><X>a</X><Y>1</Y></location></channel></channels></desc></info>"
            + "|stream info XML: <desc/channels/channel[1]/location/X> must be a decimal number, got 'a'",
    })
    void badDocumentsNameTheElement(String xml, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamInfoXml.parse(xml));
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void refusesWhatIsNotXml() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamInfoXml.parse("LSL:shortinfo\r\nname='x'\r\n"));
        assertTrue(e.getMessage().startsWith("stream info XML: not well-formed: "), e.getMessage());
        assertEquals("stream info XML must not be null",
                assertThrows(IllegalArgumentException.class, () -> StreamInfoXml.parse(null)).getMessage());
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpandedOrFetched() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><info><name>&b;</name></info>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamInfoXml.parse(billionLaughs));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        String external = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<info><name>&x;</name></info>";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamInfoXml.parse(external))
                .getMessage().contains("DOCTYPE"));
    }

    @Test
    void refusesOversizedDocumentsBeforeParsing() {
        String huge = "<info>" + " ".repeat(StreamInfoXml.MAX_XML_CHARS) + "</info>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamInfoXml.parse(huge));
        assertEquals("stream info XML: must be at most 4194304 characters long, got 4194317", e.getMessage());
    }
}
