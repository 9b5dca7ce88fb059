/**
 * The stream model every stage of naoyu shares: {@link org.naoyu.acquisition.StreamInfo} (what a stream is),
 * {@link org.naoyu.acquisition.ChannelFormat} (its value type), {@link org.naoyu.acquisition.Chunk} (a block of
 * timestamped samples) and {@link org.naoyu.acquisition.LocalClock} (the LSL clock those timestamps are read from).
 *
 * <p>Field names and rules follow Lab Streaming Layer's stream info (shared/protocols/lsl-wire-protocol.md §3) and
 * the XDF channel metadata conventions, so that a stream read from a file and one received live look the same.
 */
package org.naoyu.acquisition;
