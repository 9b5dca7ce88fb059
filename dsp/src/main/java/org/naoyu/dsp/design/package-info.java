/**
 * Filter design checked against SciPy: Butterworth zero-pole-gain, second-order sections, notch and FIR (window
 * method) filters, with their argument checks.
 */
package org.naoyu.dsp.design;
