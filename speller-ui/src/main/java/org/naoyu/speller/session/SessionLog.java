package org.naoyu.speller.session;

import java.io.Writer;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.naoyu.speller.session.event.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session log the operator reads: the last 200 lines, each also logged and sent to the observers. */
final class SessionLog {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int KEEP = 200;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Consumer<SessionEvent> broadcast;

    SessionLog(Consumer<SessionEvent> broadcast) {
        this.broadcast = broadcast;
    }

    /** Adds a line from any thread. */
    void add(String line) {
        String stamped = LocalTime.now().format(TIME) + "  " + line;
        synchronized (lines) {
            lines.addLast(stamped);
            while (lines.size() > KEEP) {
                lines.removeFirst();
            }
        }
        LOG.info(line);
        broadcast.accept(new SessionEvent.Log(stamped));
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** A writer whose every printed line becomes a log line (the trainer's progress). */
    Writer lineWriter() {
        return new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buffer, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n') {
                        add(line.toString().strip());
                        line.setLength(0);
                    } else {
                        line.append(buffer[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
                if (!line.isEmpty()) {
                    add(line.toString().strip());
                    line.setLength(0);
                }
            }
        };
    }
}
