package org.naoyu.acquisition.lsl;

/**
 * The threads of outlets and inlets: all daemons, so an LSL socket left open never keeps the JVM alive, and all named
 * after their stream, so a thread dump says whose they are.
 */
final class Threads {
    private Threads() {
    }

    /** A daemon thread, not started. */
    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Sleeps; only close() interrupts these threads, and it sets {@code closed} first, so loops end. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
