package org.compromiso.bench;

import java.util.Arrays;

/** Latencies of one kind of call, recorded by many threads; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0-100) in milliseconds; NaN when nothing was recorded. */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return millis(50);
    }

    double p95() {
        return millis(95);
    }

    double p99() {
        return millis(99);
    }
}
