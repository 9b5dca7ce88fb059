/**
 * Commands of the online session: {@code naoyu run} (the speller on a live LSL stream) and {@code naoyu demo} (the
 * speller on the built-in simulator). Both build an {@link org.naoyu.speller.session.OnlineSession} and hand it to
 * {@link org.naoyu.speller.launch.SessionLauncher}.
 */
package org.naoyu.speller.cli.session;
