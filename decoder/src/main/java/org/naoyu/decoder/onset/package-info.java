/**
 * The speech-onset detector of self-paced spelling: per-frame speech probability from a small DL4J network, the rule
 * that turns it into attempt onsets, and how detections are scored against the marked attempts.
 */
package org.naoyu.decoder.onset;
