/**
 * The {@code naoyu} command line ({@link org.naoyu.speller.Naoyu}), and, as they arrive, the online session that
 * wires acquisition, dsp and decoder together, the web speller for participants and operators, text to speech and
 * reports. The only module, with {@code benchmarks}, that may use every other (docs/ARCHITECTURE.md).
 */
package org.naoyu.speller;
