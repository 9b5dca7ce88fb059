package org.naoyu.acquisition.lsl;

import org.naoyu.acquisition.StreamInfo;

/**
 * A stream found by discovery: what it is and where its outlet serves it.
 *
 * @param info         the stream (from the outlet's shortinfo, so without channel metadata)
 * @param host         the outlet's IPv4 address: its {@code v4address}, or else the source of its discovery reply
 * @param dataPort     TCP port for info and samples
 * @param servicePort  UDP port for time probes
 * @param protocolVersion LSL protocol version the outlet speaks, 110 for liblsl ≥ 1.10
 */
public record ResolvedStream(StreamInfo info, String host, int dataPort, int servicePort, int protocolVersion) {
    public ResolvedStream {
        if (info == null || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("info and host must be given, got " + info + " at '" + host + "'");
        }
        if (dataPort < 1 || dataPort > 65535) {
            throw new IllegalArgumentException("dataPort of stream '" + info.name() + "' must be in [1, 65535], got "
                    + dataPort);
        }
    }

    /** {@code name@host:port}, for messages. */
    @Override
    public String toString() {
        return "'" + info.name() + "' (" + info.uid() + ") at " + host + ":" + dataPort;
    }
}
