package org.naoyu.speller;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's pauses while it is open, from the JVM's own GC notifications. Only collectors that stop
 * the application count: G1's young and full collections, ZGC's and Shenandoah's pauses; concurrent cycles (ZGC
 * Cycles, G1 Concurrent GC) run beside the application and are left out.
 */
final class GcPauses implements AutoCloseable {

    /** A pause: which collector, why, and how long in milliseconds. */
    record Pause(String collector, String cause, double millis) {
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        if (stopsTheWorld(info.getGcName())) {
            synchronized (pauses) {
                pauses.add(new Pause(info.getGcName(), info.getGcCause(), info.getGcInfo().getDuration()));
            }
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    static boolean stopsTheWorld(String collector) {
        String name = collector.toLowerCase(Locale.ROOT);
        return !(name.contains("cycles") || name.contains("concurrent"));
    }

    /** The collector the JVM runs with (the first one's name, e.g. "G1 Young Generation", "ZGC Pauses"). */
    static String collectorNames() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    double maxMillis() {
        return pauses().stream().mapToDouble(Pause::millis).max().orElse(0);
    }

    long countOver(double millis) {
        return pauses().stream().filter(p -> p.millis() > millis).count();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
