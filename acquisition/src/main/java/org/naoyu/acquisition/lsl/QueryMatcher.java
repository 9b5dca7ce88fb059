package org.naoyu.acquisition.lsl;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.naoyu.acquisition.SafeXml;
import org.w3c.dom.Element;

/**
 * Decides whether a discovery query matches an outlet: the query is an XPath 1.0 expression evaluated, as a boolean,
 * with the outlet's full {@code <info>} element as context (lsl-wire-protocol.md §4.3). An empty query matches
 * everything; an invalid one matches nothing. Answers are cached per query text, with a bound, since resolvers repeat
 * the same query every half second and a hostile peer could send endless new ones.
 */
final class QueryMatcher {
    static final int MAX_QUERY_CHARS = 4096;
    private static final int CACHE_SIZE = 256;

    private final Element info;
    private final Map<String, Boolean> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    QueryMatcher(String fullInfoXml) {
        try {
            this.info = SafeXml.parse(fullInfoXml).getDocumentElement();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the outlet's own info XML does not parse: " + e.getMessage(), e);
        }
    }

    /** Whether the query selects this outlet; a malformed or oversized query selects nothing. */
    synchronized boolean matches(String query) {
        if (query.isBlank()) {
            return true;
        }
        if (query.length() > MAX_QUERY_CHARS) {
            return false;
        }
        return cache.computeIfAbsent(query, this::evaluate);
    }

    private boolean evaluate(String query) {
        try {
            // XPath objects are not thread-safe and cheap to make; this method runs under the matcher's lock anyway
            return (Boolean) XPathFactory.newInstance().newXPath().evaluate(query, info, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException | RuntimeException e) {
            return false;
        }
    }
}
