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

    private final ArrayDeque<Block> blocks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final long maxSamples;
    private long queuedSamples;
    private long droppedSamples;
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
            while (queuedSamples > maxSamples && blocks.size() > 1) {
                Block dropped = blocks.removeFirst();
                queuedSamples -= dropped.samples();
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
            queuedSamples = 0;
            return true;
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
