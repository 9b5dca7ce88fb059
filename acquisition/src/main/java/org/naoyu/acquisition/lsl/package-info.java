/**
 * Lab Streaming Layer in pure Java: {@link org.naoyu.acquisition.lsl.StreamOutlet},
 * {@link org.naoyu.acquisition.lsl.StreamResolver}, {@link org.naoyu.acquisition.lsl.ContinuousResolver} and
 * {@link org.naoyu.acquisition.lsl.StreamInlet}, speaking LSL protocol 1.10 as liblsl 1.16/1.17 do on the wire.
 *
 * <p>Implements {@code shared/protocols/lsl-wire-protocol.md}; section numbers in comments (§6.3 …) refer to it.
 * Settings come from {@code lsl_api.cfg} ({@link org.naoyu.acquisition.lsl.LslConfig}); the default scope is
 * {@code machine}, so nothing leaves 127.0.0.0/8 unless a lab opts in.
 *
 * <p>The outlet and the inlet are facades over package-private classes, each owning one part of the protocol: the
 * outlet's {@code FeedServer}, {@code ConsumerFeed} and {@code UdpResponder}; the inlet's {@code InletConnection},
 * {@code InletHandshake}, {@code InletRecovery} and {@code TimeProbeClient}; the codec {@code SampleEncoder},
 * {@code SampleDecoder} and {@code WireReader}, reachable from outside only through
 * {@link org.naoyu.acquisition.lsl.WireCodec} (for benchmarks and interop checks).
 */
package org.naoyu.acquisition.lsl;
