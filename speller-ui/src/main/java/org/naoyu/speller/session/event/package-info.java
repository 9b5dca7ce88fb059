/**
 * The online session's events as records ({@link org.naoyu.speller.session.event.SessionEvent}): one per type of
 * message the session sends to its marker outlet and its observers, written to JSON by Jackson only (through
 * {@code org.naoyu.speller.session.Events}). A leaf package: it imports nothing of the session, so the session, the
 * web server and the command line may all use it.
 */
package org.naoyu.speller.session.event;
