/**
 * Commands of the recorded signal: {@code naoyu features} (feature frames to NumPy with a JSON side-car) and
 * {@code naoyu quality} (the channel-quality table).
 */
package org.naoyu.speller.cli.signal;
