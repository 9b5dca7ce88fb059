/**
 * Commands of recordings: {@code naoyu info}, {@code record} (LSL to XDF, like LabRecorder), {@code replay} (a file
 * as live LSL outlets), {@code convert} (XDF, EDF+, BDF+) and {@code simulate} (the ECoG speech simulator, to a file
 * or live).
 */
package org.naoyu.speller.cli.recordings;
