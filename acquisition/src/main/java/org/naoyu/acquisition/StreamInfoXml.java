package org.naoyu.acquisition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads and writes the stream-info XML document of LSL (lsl-wire-protocol.md §3), which XDF stream headers carry too.
 *
 * <p>Writing follows liblsl's layout: the elements in liblsl's order, tab indentation, numbers as C {@code %#.16g}
 * ({@code 100.0000000000000}), and the channel metadata of the XDF conventions under {@code desc/channels}. Reading
 * accepts any formatting, is limited to {@value #MAX_XML_CHARS} characters, and refuses DOCTYPEs, so a hostile peer
 * can neither exhaust memory nor make the parser fetch anything.
 */
public final class StreamInfoXml {
    /** Far above the info of a 1024-channel stream with positions (~200 kB), far below harm. */
    public static final int MAX_XML_CHARS = 4 * 1024 * 1024;
    /** LSL protocol version 1.10 as liblsl writes it into {@code <version>}. */
    static final double PROTOCOL_VERSION = 1.1;

    private static final Logger LOG = LoggerFactory.getLogger(StreamInfoXml.class);

    private StreamInfoXml() {
    }

    /**
     * Where an LSL outlet serves a stream: its IPv4 address (empty: "where the discovery reply came from"), TCP data
     * port and UDP service port, 0 when it has none.
     */
    public record Endpoint(String v4address, int v4dataPort, int v4servicePort) {
        public static final Endpoint NONE = new Endpoint("", 0, 0);

        public Endpoint {
            Checks.text("v4address", v4address);
            Checks.intInRange("v4dataPort", v4dataPort, 0, 65535);
            Checks.intInRange("v4servicePort", v4servicePort, 0, 65535);
        }
    }

    /** An info document as read: the stream, where it is served, and the LSL protocol version it speaks (110). */
    public record Parsed(StreamInfo info, Endpoint endpoint, int protocolVersion) {
    }

    /** The full info document of a stream, with its {@code desc} and no network endpoint (as XDF headers hold it). */
    public static String toXml(StreamInfo info) {
        return toXml(info, Endpoint.NONE, true);
    }

    /**
     * The info document an outlet serves: {@code withDesc} gives the fullinfo, otherwise the shortinfo with an empty
     * {@code <desc />} (lsl-wire-protocol.md §3).
     */
    public static String toXml(StreamInfo info, Endpoint endpoint, boolean withDesc) {
        StringBuilder xml = new StringBuilder(512 + info.channels().size() * 160);
        xml.append("<?xml version=\"1.0\"?>\n<info>\n");
        element(xml, 1, "name", info.name());
        element(xml, 1, "type", info.type());
        element(xml, 1, "channel_count", Integer.toString(info.channelCount()));
        element(xml, 1, "channel_format", info.format().wireName());
        element(xml, 1, "source_id", info.sourceId());
        element(xml, 1, "nominal_srate", formatDouble(info.nominalRateHz()));
        element(xml, 1, "version", formatDouble(PROTOCOL_VERSION));
        element(xml, 1, "created_at", formatDouble(info.createdAt()));
        element(xml, 1, "uid", info.uid());
        element(xml, 1, "session_id", info.sessionId());
        element(xml, 1, "hostname", info.hostname());
        element(xml, 1, "v4address", endpoint.v4address());
        element(xml, 1, "v4data_port", Integer.toString(endpoint.v4dataPort()));
        element(xml, 1, "v4service_port", Integer.toString(endpoint.v4servicePort()));
        element(xml, 1, "v6address", "");
        element(xml, 1, "v6data_port", "0");
        element(xml, 1, "v6service_port", "0");
        appendDesc(xml, withDesc ? info.channels() : List.of());
        return xml.append("</info>\n").toString();
    }

    /**
     * Parses an info document from an LSL peer or an XDF stream header.
     *
     * @throws IllegalArgumentException naming the element that is missing or wrong and its value
     */
    public static StreamInfo parse(String xml) {
        return parseDetailed(xml).info();
    }

    /**
     * Parses an info document with its endpoint and protocol version, as an LSL resolver needs it.
     *
     * @throws IllegalArgumentException naming the element that is missing or wrong and its value
     */
    public static Parsed parseDetailed(String xml) {
        return parseDetailed(xml, null);
    }

    /**
     * Parses an info document that may lack a {@code uid}, as some XDF writers leave it out: {@code uidIfMissing} is
     * used then. Every other rule stands.
     */
    public static Parsed parseDetailed(String xml, String uidIfMissing) {
        Checks.nonNull("stream info XML", xml);
        try {
            return parseInfo(xml, uidIfMissing);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stream info XML: " + e.getMessage(), e);
        }
    }

    /** Formats a double as C's {@code printf("%#.16g")}, as liblsl writes every number of an info. */
    public static String formatDouble(double value) {
        return String.format(Locale.ROOT, "%.16g", value);
    }

    private static Parsed parseInfo(String xml, String uidIfMissing) {
        if (xml.length() > MAX_XML_CHARS) {
            throw new IllegalArgumentException("must be at most " + MAX_XML_CHARS + " characters long, got "
                    + xml.length());
        }
        Element root = parseDocument(xml).getDocumentElement();
        if (!"info".equals(root.getTagName())) {
            throw new IllegalArgumentException("the root element must be <info>, got <" + root.getTagName() + ">");
        }
        int channelCount = parseInt("channel_count", required(root, "channel_count"));
        StreamInfo info = StreamInfo.builder(required(root, "name"), channelCount,
                        parseDouble("nominal_srate", required(root, "nominal_srate")),
                        ChannelFormat.fromWireName(required(root, "channel_format")))
                .type(optional(root, "type", ""))
                .sourceId(optional(root, "source_id", ""))
                .uid(uidIfMissing == null || !optional(root, "uid", "").isBlank() ? required(root, "uid") : uidIfMissing)
                .sessionId(optional(root, "session_id", "default"))
                .hostname(optional(root, "hostname", ""))
                .createdAt(parseDouble("created_at", optional(root, "created_at", "0")))
                .channels(channelsFromDesc(child(root, "desc"), channelCount))
                .build();
        Endpoint endpoint = new Endpoint(optional(root, "v4address", ""),
                parseInt("v4data_port", optional(root, "v4data_port", "0")),
                parseInt("v4service_port", optional(root, "v4service_port", "0")));
        // liblsl multiplies by 100 and truncates: 1.1000000000000001 and 1.100000000000000 both mean 110
        int protocolVersion = (int) (parseDouble("version", optional(root, "version", "1.1")) * 100 + 1e-9);
        return new Parsed(info, endpoint, protocolVersion);
    }

    private static List<ChannelInfo> channelsFromDesc(Element desc, int channelCount) {
        Element channelsElement = desc == null ? null : child(desc, "channels");
        if (channelsElement == null) {
            return List.of();
        }
        List<ChannelInfo> channels = new ArrayList<>();
        for (Node node = channelsElement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && "channel".equals(((Element) node).getTagName())) {
                Element channel = (Element) node;
                channels.add(new ChannelInfo(optional(channel, "label", ""), optional(channel, "unit", ""),
                        optional(channel, "type", ""), position(child(channel, "location"), channels.size())));
            }
        }
        if (channels.size() != channelCount) {
            // Metadata must not cost the data: keep the stream, drop the labels that cannot be matched to channels.
            LOG.warn("stream info describes {} channels in desc/channels but has channel_count {}; ignoring the "
                    + "channel metadata", channels.size(), channelCount);
            return List.of();
        }
        return channels;
    }

    private static ChannelPosition position(Element location, int channelIndex) {
        if (location == null) {
            return null;
        }
        String x = optional(location, "X", "");
        String y = optional(location, "Y", "");
        String z = optional(location, "Z", "");
        if (x.isEmpty() || y.isEmpty()) {
            return null; // a location without coordinates, as some writers leave it
        }
        String where = "desc/channels/channel[" + (channelIndex + 1) + "]/location/";
        return new ChannelPosition(parseDouble(where + "X", x), parseDouble(where + "Y", y),
                z.isEmpty() ? 0 : parseDouble(where + "Z", z));
    }

    private static Document parseDocument(String xml) {
        return SafeXml.parse(xml);
    }

    private static Element child(Element parent, String name) {
        return SafeXml.child(parent, name);
    }

    private static String required(Element parent, String name) {
        Element element = child(parent, name);
        if (element == null) {
            throw new IllegalArgumentException("the <" + name + "> element is missing");
        }
        return element.getTextContent().strip();
    }

    private static String optional(Element parent, String name, String fallback) {
        Element element = child(parent, name);
        return element == null ? fallback : element.getTextContent().strip();
    }

    private static int parseInt(String element, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<" + element + "> must be a decimal integer, got '" + text + "'", e);
        }
    }

    private static double parseDouble(String element, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("<" + element + "> must be a decimal number, got '" + text + "'", e);
        }
    }

    private static void appendDesc(StringBuilder xml, List<ChannelInfo> channels) {
        if (channels.isEmpty()) {
            xml.append("\t<desc />\n");
            return;
        }
        xml.append("\t<desc>\n\t\t<channels>\n");
        for (ChannelInfo channel : channels) {
            xml.append("\t\t\t<channel>\n");
            element(xml, 4, "label", channel.label());
            element(xml, 4, "unit", channel.unit());
            element(xml, 4, "type", channel.type());
            if (channel.position() != null) {
                xml.append("\t\t\t\t<location>\n");
                element(xml, 5, "X", formatDouble(channel.position().xMm()));
                element(xml, 5, "Y", formatDouble(channel.position().yMm()));
                element(xml, 5, "Z", formatDouble(channel.position().zMm()));
                xml.append("\t\t\t\t</location>\n");
            }
            xml.append("\t\t\t</channel>\n");
        }
        xml.append("\t\t</channels>\n\t</desc>\n");
    }

    private static void element(StringBuilder xml, int depth, String name, String text) {
        xml.append("\t".repeat(depth)).append('<').append(name).append('>');
        escape(xml, text);
        xml.append("</").append(name).append(">\n");
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                default -> xml.append(c);
            }
        }
    }
}
