/**
 * Calibration for the whole language: the {@link org.naoyu.speller.calibration.CalibrationPlan} that orders what a
 * participant's sessions cue, parts of syllables first, so sessions accumulate toward the 1,391-syllable inventory.
 */
package org.naoyu.speller.calibration;
