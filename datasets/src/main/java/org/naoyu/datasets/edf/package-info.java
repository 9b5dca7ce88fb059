/**
 * EDF, EDF+, BDF and BDF+ (European Data Format and its 24-bit BioSemi variant): header and signal records read into
 * the common {@link org.naoyu.datasets.Recording}, annotations as events, and the EDF+/BDF+ writer for export.
 */
package org.naoyu.datasets.edf;
