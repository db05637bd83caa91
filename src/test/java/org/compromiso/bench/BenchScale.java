package org.compromiso.bench;

import java.time.Duration;

/**
 * The size of a run: 1 is the full ministry scale, CI's short run passes {@code -Dbench.scale=0.1}. Every
 * count and every duration of the benchmark is the full one times this.
 */
record BenchScale(double factor) {

    static BenchScale fromSystemProperty() {
        String value = System.getProperty("bench.scale", "1");
        double factor = value.isBlank() ? 1 : Double.parseDouble(value);
        if (factor <= 0 || factor > 1) {
            throw new IllegalArgumentException("bench.scale must be in (0, 1], not " + value);
        }
        return new BenchScale(factor);
    }

    int count(int full) {
        return (int) Math.max(1, Math.round(full * factor));
    }

    /** The full duration times the factor, but never shorter than the floor: a figure needs some samples. */
    Duration duration(Duration full, Duration floor) {
        var scaled = Duration.ofMillis(Math.round(full.toMillis() * factor));
        return scaled.compareTo(floor) < 0 ? floor : scaled;
    }

    boolean full() {
        return factor == 1;
    }
}
