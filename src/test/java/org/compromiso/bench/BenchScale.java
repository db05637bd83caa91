package org.compromiso.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The size of a run: 1 is the full ministry scale, CI's smoke run passes {@code -Dbench.scale=0.05}. Every
 * count and every duration of the benchmark is the full one times this. {@code -Dbench.scenarios=4,5} runs only
 * those scenarios (all when empty), to measure one change without the others' half hour.
 */
record BenchScale(double factor, Set<Integer> scenarios) {

    static BenchScale fromSystemProperty() {
        String value = System.getProperty("bench.scale", "1");
        double factor = value.isBlank() ? 1 : Double.parseDouble(value);
        if (factor <= 0 || factor > 1) {
            throw new IllegalArgumentException("bench.scale must be in (0, 1], not " + value);
        }
        String only = System.getProperty("bench.scenarios", "").strip();
        Set<Integer> scenarios = only.isEmpty() ? ALL : Arrays.stream(only.split(",")).map(String::strip)
                .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        if (!ALL.containsAll(scenarios)) {
            throw new IllegalArgumentException("bench.scenarios are numbers 1 to 7, not " + only);
        }
        return new BenchScale(factor, scenarios);
    }

    private static final Set<Integer> ALL = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7));

    boolean runs(int scenario) {
        return scenarios.contains(scenario);
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
