/**
 * Signal processing, arrays in and arrays out: filter design, streaming filters that own their state, filter banks
 * and analytic amplitude on JTransforms, common average reference, decimation, running z-scores, channel quality.
 * Knows nothing of LSL or files (docs/ARCHITECTURE.md).
 */
package org.naoyu.dsp;
