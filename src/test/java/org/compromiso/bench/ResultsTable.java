package org.compromiso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * The figures of a run, each beside its goal from issue 10 and as a ratio to the database's own limit measured in
 * the same run (absolute times on shared machines drift; ratios less so). Rates are divided by the baseline's
 * transactions per second, latencies by the plain-JDBC transaction's p95. Goals are printed, never asserted.
 */
final class ResultsTable {

    enum Unit {
        PER_SECOND("/s", true), MILLIS(" ms", false), PERCENT(" %", false), MIB(" MiB", false), COUNT("", false),
        RATIO(" ×", false), CPU_MILLIS(" ms", false);

        private final String suffix;
        private final boolean rate;

        Unit(String suffix, boolean rate) {
            this.suffix = suffix;
            this.rate = rate;
        }
    }

    record Goal(String text, DoublePredicate met) {

        static Goal atLeast(double value, String text) {
            return new Goal(text, actual -> actual >= value);
        }

        static Goal atMost(double value, String text) {
            return new Goal(text, actual -> actual <= value);
        }

        static Goal below(double value, String text) {
            return new Goal(text, actual -> actual < value);
        }
    }

    /** {@code bare}: the same figure of the bare engine in this run (NaN: none). */
    private record Row(String scenario, String figure, double value, Unit unit, Goal goal, double bare) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private double jdbcPerSecond = Double.NaN;
    private double jdbcP95 = Double.NaN;
    private double pgbenchPerSecond = Double.NaN;

    void jdbcBaseline(double perSecond, double p95) {
        this.jdbcPerSecond = perSecond;
        this.jdbcP95 = p95;
    }

    double jdbcPerSecond() {
        return jdbcPerSecond;
    }

    void pgbenchBaseline(double perSecond) {
        this.pgbenchPerSecond = perSecond;
    }

    void add(String scenario, String figure, double value, Unit unit) {
        add(scenario, figure, value, unit, null);
    }

    void add(String scenario, String figure, double value, Unit unit, Goal goal) {
        add(scenario, figure, value, unit, goal, Double.NaN);
    }

    /** A figure beside the bare engine's same figure of this run ({@code BareEngine}). */
    void add(String scenario, String figure, double value, Unit unit, Goal goal, double bare) {
        rows.add(new Row(scenario, figure, value, unit, goal, bare));
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        var out = new StringBuilder();
        notes.forEach(note -> out.append(note).append("\n"));
        out.append("\n| scenario | figure | value | goal | vs JDBC | vs pgbench | vs bare engine | met? |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.figure()).append(" | ")
                    .append(format(row.value(), row.unit())).append(" | ")
                    .append(row.goal() == null ? "" : row.goal().text()).append(" | ")
                    .append(ratio(row, jdbcPerSecond, jdbcP95)).append(" | ")
                    .append(ratio(row, pgbenchPerSecond, Double.NaN)).append(" | ")
                    .append(versusBare(row)).append(" | ")
                    .append(met(row)).append(" |\n");
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    private static String ratio(Row row, double perSecond, double p95) {
        double base = row.unit().rate ? perSecond : row.unit() == Unit.MILLIS ? p95 : Double.NaN;
        if (Double.isNaN(base) || Double.isNaN(row.value()) || base == 0) {
            return "";
        }
        double ratio = row.value() / base;
        return String.format(Locale.ROOT, row.unit().rate ? "%.0f %%" : "%.1f ×", row.unit().rate ? 100 * ratio : ratio);
    }

    /** A rate as a share of the bare engine's, anything else (a time, CPU) as a multiple of it. */
    private static String versusBare(Row row) {
        if (Double.isNaN(row.bare()) || Double.isNaN(row.value()) || row.bare() == 0) {
            return "";
        }
        double ratio = row.value() / row.bare();
        return row.unit().rate ? String.format(Locale.ROOT, "%.0f %%", 100 * ratio)
                : String.format(Locale.ROOT, "%.1f ×", ratio);
    }

    private static String met(Row row) {
        if (row.goal() == null) {
            return "";
        }
        return !Double.isNaN(row.value()) && row.goal().met().test(row.value()) ? "yes" : "**no**";
    }

    private static String format(double value, Unit unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = unit == Unit.COUNT || Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + unit.suffix;
    }
}
