package org.naoyu.acquisition.lsl;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outlet-side queue of one inlet: encoded blocks waiting to be written to its socket, bounded by the number of
 * samples the inlet asked for ({@code Max-Buffer-Length}). The producer never waits: when the queue is full the oldest
 * blocks are dropped, as liblsl does, so a slow or dead consumer costs only its own data.
 */
final class ConsumerQueue {
    /** Encoded samples, shared by every consumer's queue: never modified after encoding. */
    record Block(byte[] bytes, int samples) {
    }

    /** Most bytes held for one inlet; beyond it the oldest blocks go, as beyond the sample bound. */
    static final long MAX_QUEUED_BYTES = 256L * 1024 * 1024;

    private final ArrayDeque<Block> blocks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final long maxSamples;
    private long queuedSamples;
    private long queuedBytes;
    private long droppedSamples;
    private long lastDrainNanos = System.nanoTime();
    private boolean closed;

    ConsumerQueue(long maxSamples) {
        this.maxSamples = maxSamples;
    }

    /** Adds a block, dropping the oldest ones beyond the bound (the newest block is always kept). */
    void offer(Block block) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            blocks.addLast(block);
            queuedSamples += block.samples();
            queuedBytes += block.bytes().length;
            while ((queuedSamples > maxSamples || queuedBytes > MAX_QUEUED_BYTES) && blocks.size() > 1) {
                Block dropped = blocks.removeFirst();
                queuedSamples -= dropped.samples();
                queuedBytes -= dropped.bytes().length;
                droppedSamples += dropped.samples();
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for blocks and moves all of them into {@code into}.
     *
     * @return false when the queue was closed and nothing is left
     */
    boolean drainTo(ArrayDeque<Block> into, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (blocks.isEmpty() && !closed && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            if (blocks.isEmpty()) {
                return !closed;
            }
            into.addAll(blocks);
            blocks.clear();
            lastDrainNanos = System.nanoTime();
            queuedSamples = 0;
            queuedBytes = 0;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How long data has waited without the sender taking any: the sender is stuck in a write to an inlet that does not
     * read. Zero when nothing waits.
     */
    long stalledNanos() {
        lock.lock();
        try {
            return blocks.isEmpty() ? 0 : System.nanoTime() - lastDrainNanos;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            blocks.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long droppedSamples() {
        lock.lock();
        try {
            return droppedSamples;
        } finally {
            lock.unlock();
        }
    }
}
