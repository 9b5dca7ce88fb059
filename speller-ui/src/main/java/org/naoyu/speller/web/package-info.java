/**
 * The web speller: the participant view (large, calm, the sentence and read-aloud) and the token-protected operator
 * view, served by Javalin on 127.0.0.1 with a WebSocket of session events; espeak-ng speech and the served CJK font.
 */
package org.naoyu.speller.web;
