package org.naoyu.acquisition;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a stream is: the fields of an LSL stream info (lsl-wire-protocol.md §3) and of an XDF stream header, plus the
 * per-channel metadata of its {@code desc}. Immutable and validated on construction; build one with
 * {@link #builder(String, int, double, ChannelFormat)}.
 *
 * @param name          human-readable name, non-blank (liblsl ignores infos with an empty name)
 * @param type          content type such as {@code "EEG"}, {@code "ECOG"} or {@code "Markers"}; may be empty
 * @param channelCount  number of channels, in [1, {@value #MAX_CHANNELS}]
 * @param nominalRateHz samples per second the source promises; 0 means irregular (markers, events)
 * @param format        value type of every channel
 * @param sourceId      the source's unique, stable identifier (serial number); may be empty, but without it an inlet
 *                      cannot recover when the outlet restarts
 * @param uid           identifies this outlet instance; a new random UUID each time one is created
 * @param sessionId     the LSL session (config {@code [lab] SessionID}), normally {@code "default"}
 * @param hostname      the machine the stream comes from; informational
 * @param channels      per-channel label/unit/type/position: empty when the source gives none, else exactly one
 *                      entry per channel
 * @param createdAt     when the outlet was created, in {@link LocalClock} seconds of its host, ≥ 0
 */
public record StreamInfo(
        String name,
        String type,
        int channelCount,
        double nominalRateHz,
        ChannelFormat format,
        String sourceId,
        String uid,
        String sessionId,
        String hostname,
        List<ChannelInfo> channels,
        double createdAt) {

    /** Sample rates above this are not physiological recordings but a mistake (a period given in place of a rate). */
    public static final double MAX_NOMINAL_RATE_HZ = 1_000_000.0;
    /** Far above any electrode array in use (NeuroXess: 256; Neuropixels-based arrays: ~4000). */
    public static final int MAX_CHANNELS = 65_536;
    /** {@code LSL_IRREGULAR_RATE}. */
    public static final double IRREGULAR_RATE = 0.0;

    public StreamInfo {
        Checks.nonEmptyText("name", name);
        Checks.text("type", type);
        Checks.intInRange("channelCount", channelCount, 1, MAX_CHANNELS);
        if (!(nominalRateHz >= 0 && nominalRateHz <= MAX_NOMINAL_RATE_HZ)) { // also catches NaN
            throw new IllegalArgumentException("nominalRateHz must be 0 (irregular) or in (0, "
                    + (long) MAX_NOMINAL_RATE_HZ + "] Hz, got " + nominalRateHz);
        }
        Checks.nonNull("format", format);
        Checks.text("sourceId", sourceId);
        Checks.nonEmptyText("uid", uid);
        Checks.nonEmptyText("sessionId", sessionId);
        Checks.text("hostname", hostname);
        Checks.nonNull("channels", channels);
        for (int i = 0; i < channels.size(); i++) {
            Checks.nonNull("channels[" + i + "]", channels.get(i));
        }
        channels = List.copyOf(channels);
        if (!channels.isEmpty() && channels.size() != channelCount) {
            throw new IllegalArgumentException("channels must have one entry per channel (channelCount = "
                    + channelCount + ") or none, got " + channels.size());
        }
        if (!(createdAt >= 0 && createdAt < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("createdAt must be a finite number of seconds >= 0, got " + createdAt);
        }
    }

    /** Starts a stream info with the four fields every stream must state; the rest have LSL's defaults. */
    public static Builder builder(String name, int channelCount, double nominalRateHz, ChannelFormat format) {
        return new Builder(name, channelCount, nominalRateHz, format);
    }

    /** A builder holding this info's fields, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(name, channelCount, nominalRateHz, format)
                .type(type).sourceId(sourceId).uid(uid).sessionId(sessionId).hostname(hostname)
                .channels(channels).createdAt(createdAt);
    }

    /** Whether samples come at no fixed rate (nominal rate 0), as markers do. */
    public boolean isIrregular() {
        return nominalRateHz == IRREGULAR_RATE;
    }

    /**
     * Seconds between samples at the nominal rate.
     *
     * @throws IllegalStateException for an irregular stream, which has none
     */
    public double samplingIntervalSeconds() {
        if (isIrregular()) {
            throw new IllegalStateException("stream '" + name + "' has an irregular rate and no sampling interval; "
                    + "check isIrregular() first");
        }
        return 1.0 / nominalRateHz;
    }

    /** Channel labels in order; {@code "1"}, {@code "2"}, … when the stream names none (as MNE numbers them). */
    public List<String> channelLabels() {
        List<String> labels = new ArrayList<>(channelCount);
        for (int i = 0; i < channelCount; i++) {
            labels.add(channels.isEmpty() ? Integer.toString(i + 1) : channels.get(i).label());
        }
        return List.copyOf(labels);
    }

    /** Collects the optional parts of a {@link StreamInfo}; every setter takes the value as given and the record checks it. */
    public static final class Builder {
        private final String name;
        private final int channelCount;
        private final double nominalRateHz;
        private final ChannelFormat format;
        private String type = "";
        private String sourceId = "";
        private String uid;
        private String sessionId = "default";
        private String hostname;
        private List<ChannelInfo> channels = List.of();
        private Double createdAt;

        private Builder(String name, int channelCount, double nominalRateHz, ChannelFormat format) {
            this.name = name;
            this.channelCount = channelCount;
            this.nominalRateHz = nominalRateHz;
            this.format = format;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder sourceId(String sourceId) {
            this.sourceId = sourceId;
            return this;
        }

        /** Defaults to a new random UUID, as liblsl gives each outlet. */
        public Builder uid(String uid) {
            this.uid = uid;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Defaults to this machine's name. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder channels(List<ChannelInfo> channels) {
            this.channels = channels;
            return this;
        }

        /** Names the channels, with no unit, type or position. */
        public Builder channelLabels(List<String> labels) {
            Checks.nonNull("channelLabels", labels);
            List<ChannelInfo> infos = new ArrayList<>(labels.size());
            for (String label : labels) {
                infos.add(ChannelInfo.labelled(label));
            }
            this.channels = infos;
            return this;
        }

        /** Defaults to {@link LocalClock#now()} at {@link #build()}. */
        public Builder createdAt(double createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public StreamInfo build() {
            return new StreamInfo(name, type, channelCount, nominalRateHz, format, sourceId,
                    uid != null ? uid : UUID.randomUUID().toString(),
                    sessionId,
                    hostname != null ? hostname : HostName.get(),
                    channels,
                    createdAt != null ? createdAt : LocalClock.now());
        }
    }
}
