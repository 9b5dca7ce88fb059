package org.naoyu.acquisition;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses XML that comes from the network or from files (stream infos, XDF headers) without the parser's dangerous
 * features: no DOCTYPE (so no external entities or entity expansion bombs), no XInclude, secure processing limits.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /**
     * Parses a document.
     *
     * @throws IllegalArgumentException when it is not well-formed (or declares a DOCTYPE); the message says why
     */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors arrive as exceptions, not as printouts on stderr
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser of this JVM cannot be set up safely: " + e.getMessage(), e);
        }
    }

    /** The first child element with this tag name, or null. */
    public static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(((Element) node).getTagName())) {
                return (Element) node;
            }
        }
        return null;
    }
}
