/**
 * Recording live LSL streams to XDF as LabRecorder does: the session recorder with reconnection, clock offsets and
 * footers, the BIDS-style session layout, and progress per stream.
 */
package org.naoyu.datasets.record;
