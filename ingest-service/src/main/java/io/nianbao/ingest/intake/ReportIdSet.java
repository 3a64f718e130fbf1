package io.nianbao.ingest.intake;

import io.nianbao.ingest.ReportKey;

/**
 * A set of report ids held as their 128-bit {@link ReportKey}s in two arrays of longs (open
 * addressing, linear probing): 23–46 bytes an id (the arrays are 35–70% full), where a concurrent set of the strings took 95.
 * Ingest keeps every id it ever sent, so this is most of its heap after a year. Thread-safe; each
 * call is a few array reads under one lock, far below the rate reports arrive.
 */
final class ReportIdSet {

    private static final int INITIAL_CAPACITY = 1 << 12;
    private static final double MAX_LOAD = 0.7;

    /** Slot i holds the key (highs[i], lows[i]); (0, 0) marks a free slot. */
    private long[] highs = new long[INITIAL_CAPACITY];
    private long[] lows = new long[INITIAL_CAPACITY];
    /** The one key a slot cannot hold, since it marks the slot free. */
    private boolean containsZero;
    private int size;

    /** True if the id was not in the set before. */
    synchronized boolean add(String reportId) {
        ReportKey key = ReportKey.of(reportId);
        if (isZero(key.high(), key.low())) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        int slot = slotOf(key.high(), key.low());
        if (!isFree(slot)) {
            return false;
        }
        highs[slot] = key.high();
        lows[slot] = key.low();
        if (++size > MAX_LOAD * highs.length) {
            grow();
        }
        return true;
    }

    /** True if the id was in the set. */
    synchronized boolean remove(String reportId) {
        ReportKey key = ReportKey.of(reportId);
        if (isZero(key.high(), key.low())) {
            boolean removed = containsZero;
            containsZero = false;
            return removed;
        }
        int slot = slotOf(key.high(), key.low());
        if (isFree(slot)) {
            return false;
        }
        closeGapAt(slot);
        size--;
        return true;
    }

    synchronized boolean contains(String reportId) {
        ReportKey key = ReportKey.of(reportId);
        return isZero(key.high(), key.low()) ? containsZero : !isFree(slotOf(key.high(), key.low()));
    }

    synchronized int size() {
        return size + (containsZero ? 1 : 0);
    }

    /** The slot holding the key, or the free slot where it would go. */
    private int slotOf(long high, long low) {
        int mask = highs.length - 1;
        int slot = home(high, low);
        while (!isFree(slot) && (highs[slot] != high || lows[slot] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int home(long high, long low) {
        // Fibonacci hashing spreads ids that are not digests (tests, other portals) as well.
        return (int) (((high ^ low) * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(highs.length)));
    }

    private boolean isFree(int slot) {
        return isZero(highs[slot], lows[slot]);
    }

    private static boolean isZero(long high, long low) {
        return high == 0 && low == 0;
    }

    /**
     * Empties a slot without breaking the probe sequence of the keys after it: each later key
     * of the same run that may sit in the gap moves into it (backward-shift deletion).
     */
    private void closeGapAt(int gap) {
        int mask = highs.length - 1;
        for (int slot = (gap + 1) & mask; !isFree(slot); slot = (slot + 1) & mask) {
            int home = home(highs[slot], lows[slot]);
            if (((slot - home) & mask) >= ((slot - gap) & mask)) {
                highs[gap] = highs[slot];
                lows[gap] = lows[slot];
                gap = slot;
            }
        }
        highs[gap] = 0;
        lows[gap] = 0;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        highs = new long[oldHighs.length * 2];
        lows = new long[oldLows.length * 2];
        for (int i = 0; i < oldHighs.length; i++) {
            if (!isZero(oldHighs[i], oldLows[i])) {
                int slot = slotOf(oldHighs[i], oldLows[i]);
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
            }
        }
    }
}
