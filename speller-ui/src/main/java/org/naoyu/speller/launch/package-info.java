/**
 * Starting and serving an online session for {@code naoyu run}, {@code naoyu demo} and {@code naoyu bench}:
 * resolving streams, the demo's sentences and model, the simulated participant, and serving a session (web views or
 * sentences on stdout) until it is told to stop.
 */
package org.naoyu.speller.launch;
