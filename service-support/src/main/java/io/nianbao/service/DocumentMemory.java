package io.nianbao.service;

import org.springframework.util.unit.DataSize;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The document bytes a service's threads may have in memory at once. Documents run up to 20 MB
 * and a PDF's parse takes about twice its size in heap: without a bound, threads taking large
 * documents together would need several times that, and the heap ceiling would have to be sized
 * for a worst case that hardly ever comes (README, Performance). A thread holds a document's size
 * before it reads it and gives it back when done; a document larger than the whole budget waits
 * until it has the budget to itself. First come, first served: a large document is not overtaken
 * forever by small ones.
 *
 * <p>A thread that holds a share already (a request body, then the document its URL names) gets
 * more without waiting: no thread waits while it holds, so none waits for another that waits for
 * it.
 */
public final class DocumentMemory {

    /** A share of the budget, given back by {@link #close()}. */
    public interface Hold extends AutoCloseable {

        /** Holds nothing: for bytes that were in memory before their size was known. */
        Hold NONE = () -> { };

        @Override
        void close();
    }

    private static final int KIB = 1024;

    private final int budgetKib;
    private final Budget freeKib;
    private final ThreadLocal<AtomicInteger> heldKibByThread = ThreadLocal.withInitial(AtomicInteger::new);

    public DocumentMemory(DataSize budget) {
        if (budget.toKilobytes() < 1 || budget.toKilobytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("document memory budget out of range: " + budget);
        }
        this.budgetKib = (int) budget.toKilobytes();
        this.freeKib = new Budget(budgetKib);
    }

    /**
     * Waits until {@code bytes} fit in what the other threads leave free, and holds them; at once
     * if this thread holds a share already.
     */
    public Hold hold(long bytes) {
        int kib = (int) Math.clamp(Math.ceilDiv(bytes, KIB), 1, budgetKib);
        AtomicInteger heldByThisThread = heldKibByThread.get();
        if (heldByThisThread.get() == 0) {
            freeKib.acquireUninterruptibly(kib);
        } else {
            // Counted, so that other threads wait; the semaphore may go below zero meanwhile.
            freeKib.takeWithoutWaiting(kib);
        }
        heldByThisThread.addAndGet(kib);
        return new Held(kib, heldByThisThread);
    }

    /** Bytes not held at the moment (for tests and gauges). */
    public long freeBytes() {
        return (long) freeKib.availablePermits() * KIB;
    }

    /** A fair semaphore of free KiB that can also be taken from without waiting. */
    private static final class Budget extends Semaphore {
        Budget(int kib) {
            super(kib, true);
        }

        void takeWithoutWaiting(int kib) {
            reducePermits(kib);
        }
    }

    private final class Held implements Hold {
        private final int kib;
        private final AtomicInteger heldByHolder;
        private boolean released;

        /** {@code heldByHolder}: the holding thread's count, right whichever thread gives the share back. */
        Held(int kib, AtomicInteger heldByHolder) {
            this.kib = kib;
            this.heldByHolder = heldByHolder;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                heldByHolder.addAndGet(-kib);
                freeKib.release(kib);
            }
        }
    }
}
