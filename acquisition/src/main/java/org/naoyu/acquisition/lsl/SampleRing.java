package org.naoyu.acquisition.lsl;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/**
 * The inlet's receive buffer: a ring of samples, preallocated in the stream's format, written in place by one
 * receiving thread and read by any number of pulling threads. When full, the oldest sample is dropped and counted.
 * Nothing is allocated per sample. String rings also drop their oldest samples when the text they hold passes
 * {@link #MAX_STRING_CHARS}, so a peer sending huge markers cannot exhaust memory.
 */
final class SampleRing {
    /** Most characters a string ring holds (128 MiB of UTF-16). */
    static final long MAX_STRING_CHARS = 64L * 1024 * 1024;

    private final int capacity;
    private final long[] slotChars; // string rings only: characters held by each slot
    private final long maxStringChars;
    private long heldChars;
    private final int channelCount;
    private final double[] timestamps;
    private final Object values;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private int head;
    private int count;
    private int pending; // written by the receiver, not yet visible to readers; only the receiver touches it
    private long dropped;
    private boolean closed;

    SampleRing(ChannelFormat format, int channelCount, int capacity) {
        this(format, channelCount, capacity, MAX_STRING_CHARS);
    }

    SampleRing(ChannelFormat format, int channelCount, int capacity, long maxStringChars) {
        this.maxStringChars = maxStringChars;
        this.capacity = capacity;
        this.channelCount = channelCount;
        Chunk storage = Chunk.allocate(format, channelCount, capacity);
        this.timestamps = storage.timestamps();
        this.values = storage.valueArray();
        this.slotChars = format == ChannelFormat.STRING ? new long[capacity] : null;
    }

    double[] timestampStorage() {
        return timestamps;
    }

    Object valueStorage() {
        return values;
    }

    int channelCount() {
        return channelCount;
    }

    /**
     * The slot the writer fills next. Makes room by dropping the oldest sample when the ring is full, or by publishing
     * the pending ones when they alone fill half of it.
     */
    int reserve() {
        lock.lock();
        try {
            if (pending >= capacity / 2) {
                publishPending();
            }
            if (count + pending == capacity) {
                dropOldest();
            }
            return (head + count + pending) % capacity;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts the slot of the last {@link #reserve()} as written; a slot the receiver could not finish (the connection
     * broke mid-sample) is simply never counted.
     */
    void written() {
        if (slotChars == null) {
            pending++;
            return;
        }
        lock.lock();
        try {
            int slot = (head + count + pending) % capacity; // the slot of the last reserve()
            pending++;
            long chars = 0;
            String[] strings = (String[]) values;
            for (int c = 0; c < channelCount; c++) {
                chars += strings[slot * channelCount + c].length();
            }
            slotChars[slot] = chars;
            heldChars += chars;
            while (heldChars > maxStringChars && count > 0) {
                dropOldest();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: forgets the oldest published sample. */
    private void dropOldest() {
        if (slotChars != null) {
            heldChars -= slotChars[head];
        }
        head = (head + 1) % capacity;
        count--;
        dropped++;
    }

    /**
     * Makes every reserved slot visible to readers and wakes them. The receiver calls this when no further complete
     * sample is waiting in its socket buffer, so a burst wakes a reader once, not once per sample.
     */
    void commit() {
        lock.lock();
        try {
            publishPending();
        } finally {
            lock.unlock();
        }
    }

    private void publishPending() {
        if (pending > 0) {
            count += pending;
            pending = 0;
            notEmpty.signalAll();
        }
    }

    /** Wakes waiting readers for good: no more samples will come. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code maxSamples} of the oldest samples into the caller's arrays, waiting up to {@code timeoutNanos}
     * for the first one.
     *
     * @return how many samples were copied, 0 when none came in time
     */
    int take(double[] timestampsOut, Object valuesOut, int maxSamples, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (count == 0 && !closed && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            int n = Math.min(count, maxSamples);
            for (int done = 0; done < n; ) {
                int run = Math.min(n - done, capacity - head); // contiguous part before the ring wraps
                System.arraycopy(timestamps, head, timestampsOut, done, run);
                System.arraycopy(values, head * channelCount, valuesOut, done * channelCount, run * channelCount);
                if (slotChars != null) {
                    for (int i = 0; i < run; i++) {
                        heldChars -= slotChars[head + i];
                    }
                }
                head = (head + run) % capacity;
                count -= run;
                done += run;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }
}
