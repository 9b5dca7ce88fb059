package org.naoyu.acquisition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, for the informational {@code hostname} field of stream infos.
 *
 * <p>Read from the kernel or files rather than {@code InetAddress.getLocalHost()}, which may ask a DNS server and so
 * send a packet off this machine; naoyu sends nothing beyond loopback unless a lab opts in.
 */
final class HostName {
    private static final String NAME = find();

    private HostName() {
    }

    static String get() {
        return NAME;
    }

    private static String find() {
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            String name = firstLine(Path.of(file));
            if (!name.isEmpty()) {
                return name;
            }
        }
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return "localhost";
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
