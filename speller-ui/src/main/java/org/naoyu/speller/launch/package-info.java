/**
 * Starting an online session for a person: resolving its streams over LSL, serving it on the web (or printing its
 * sentences), stopping it cleanly; the simulated participant that {@code naoyu demo}, {@code naoyu bench} and the
 * session tests speak with, and the demo model trained on its simulated calibration.
 */
package org.naoyu.speller.launch;
