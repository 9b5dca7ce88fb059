/**
 * BCI2000 {@code .dat} files (format 1.0 and 1.1): the parameter and state-vector headers and the sample block, read
 * into the common {@link org.naoyu.datasets.Recording} with states as events (BCI2000 file format specification).
 */
package org.naoyu.datasets.bci2000;
