package org.naoyu.speller.session;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.acquisition.StreamInfo;

/** Channel names as the operator reads them: the stream's labels, or ch1, ch2, … where it has none. */
final class ChannelLabels {
    private ChannelLabels() {
    }

    static String of(StreamInfo info, int channel) {
        if (info.channels().size() == info.channelCount()) {
            String label = info.channels().get(channel).label();
            if (label != null && !label.isBlank()) {
                return label;
            }
        }
        return "ch" + (channel + 1);
    }

    static List<String> all(StreamInfo info) {
        List<String> out = new ArrayList<>(info.channelCount());
        for (int c = 0; c < info.channelCount(); c++) {
            out.add(of(info, c));
        }
        return out;
    }
}
