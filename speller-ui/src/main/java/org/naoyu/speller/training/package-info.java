/**
 * Training a decoder from recordings with task markers, as {@code naoyu train} and the online session's calibration
 * phase do: features computed as a live session computes them, epochs at the chosen markers, the network or linear
 * trainer, the onset detector, and a model file with its provenance.
 */
package org.naoyu.speller.training;
