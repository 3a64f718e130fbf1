package io.nianbao.cli.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in milliseconds. */
record Latencies(long p50, long p95, long p99, long max, int count) {

    static Latencies of(long[] millis) {
        if (millis.length == 0) {
            return new Latencies(-1, -1, -1, -1, 0);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    /** Nearest-rank percentile. */
    private static long at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
