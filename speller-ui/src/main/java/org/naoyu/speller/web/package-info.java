/**
 * The web speller: {@link org.naoyu.speller.web.SpellerServer} serves the participant and operator pages from the jar
 * on 127.0.0.1, pushes the session's events and its own {@code PageMessage}s over a WebSocket, and turns operator
 * requests (token required) into session actions; {@link org.naoyu.speller.web.Speech} reads sentences aloud with
 * espeak-ng and {@link org.naoyu.speller.web.CjkFont} finds a CJK font to serve. Imports the session; the session
 * never imports this package.
 */
package org.naoyu.speller.web;
