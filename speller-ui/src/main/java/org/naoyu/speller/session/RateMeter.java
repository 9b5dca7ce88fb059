package org.naoyu.speller.session;

import java.util.ArrayDeque;
import java.util.Deque;
import org.naoyu.acquisition.LocalClock;

/** Samples per second over the last few seconds of arrivals: the stream's effective rate. */
final class RateMeter {
    private final double windowSeconds;
    private final Deque<double[]> arrivals = new ArrayDeque<>();

    RateMeter(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    synchronized void count(int samples) {
        double now = LocalClock.now();
        arrivals.addLast(new double[] {now, samples});
        while (arrivals.size() > 1 && now - arrivals.peekFirst()[0] > windowSeconds) {
            arrivals.removeFirst();
        }
    }

    /** Samples per second, or NaN until two blocks have arrived. */
    synchronized double perSecond() {
        if (arrivals.size() < 2) {
            return Double.NaN;
        }
        double span = arrivals.peekLast()[0] - arrivals.peekFirst()[0];
        double count = 0;
        boolean first = true;
        for (double[] a : arrivals) {
            count += first ? 0 : a[1]; // the first block arrived at the window's start: its samples came before
            first = false;
        }
        return span > 0 ? count / span : Double.NaN;
    }
}
