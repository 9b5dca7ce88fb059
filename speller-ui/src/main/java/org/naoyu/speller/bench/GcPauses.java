package org.naoyu.speller.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Everything the garbage collector made the application wait for while this is open, from the JVM's flight
 * recorder with nanosecond resolution: every stop-the-world pause ({@code jdk.GCPhasePause}: G1's young, mixed, remark
 * and cleanup pauses, ZGC's and Shenandoah's pauses, full collections) and every ZGC allocation stall
 * ({@code jdk.ZAllocationStall}), when a thread waits for memory that a concurrent cycle has not freed yet.
 */
public final class GcPauses implements AutoCloseable {

    /** A pause or stall: what kind and how long in milliseconds. */
    record Pause(String kind, double millis) {
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final RecordingStream stream = new RecordingStream();
    private volatile java.time.Instant countFrom = java.time.Instant.MIN;
    private boolean closed;

    public GcPauses() {
        stream.enable("jdk.GCPhasePause").withoutThreshold();
        stream.enable("jdk.ZAllocationStall").withoutThreshold();
        stream.onEvent("jdk.GCPhasePause", e -> add(e, e.getString("name")));
        stream.onEvent("jdk.ZAllocationStall", e -> add(e, "ZGC allocation stall"));
        stream.setMaxAge(Duration.ofMinutes(1));
        stream.startAsync();
    }

    /**
     * Counts only what happens from now on. Starting the flight recorder costs the application a stall of its own,
     * so a measurement opens this before its warm-up and starts counting after it.
     */
    public void startCounting() {
        countFrom = java.time.Instant.now();
        synchronized (pauses) {
            pauses.clear();
        }
    }

    private void add(RecordedEvent event, String kind) {
        if (event.getStartTime().isBefore(countFrom)) {
            return;
        }
        synchronized (pauses) {
            pauses.add(new Pause(kind, event.getDuration().toNanos() / 1e6));
        }
    }

    /** The collectors the JVM runs with, e.g. "ZGC Cycles, ZGC Pauses" or "G1 Young Generation, G1 Old Generation". */
    public static String collectorNames() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    /** The pauses so far; {@link #close} first to be sure the last second's have arrived. */
    public List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    public double maxMillis() {
        return pauses().stream().mapToDouble(Pause::millis).max().orElse(0);
    }

    public long countOver(double millis) {
        return pauses().stream().filter(p -> p.millis() > millis).count();
    }

    /** Stops recording after the recorder has handed over what it holds (it flushes about once a second). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Thread.sleep(1200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
    }
}
