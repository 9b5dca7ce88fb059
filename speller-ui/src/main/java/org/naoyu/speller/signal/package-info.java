/**
 * A recording's signal as the commands and training need it: opening a file with errors that name it, choosing the
 * signal stream, channel quality and the causal feature chain over a recorded block.
 */
package org.naoyu.speller.signal;
