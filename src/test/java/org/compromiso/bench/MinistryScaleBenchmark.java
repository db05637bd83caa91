package org.compromiso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.compromiso.TestDatabase;
import org.compromiso.bench.ResultsTable.Goal;
import org.compromiso.bench.ResultsTable.Unit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the service at a ministry's scale beside the database's own limit on the same machine, as a table
 * (stdout and {@code target/bench/results.md}). {@code ./mvnw -Pbench verify} runs the full sizes,
 * {@code -Dbench.scale=0.05} a twentieth of every size and duration (CI). Only correctness is asserted (each reminder
 * once, no errors); the goals are printed beside the figures.
 */
@Tag("benchmark")
class MinistryScaleBenchmark {

    static final Path RESULTS = Path.of("target", "bench", "results.md");
    /** Each phase's name, start and end in milliseconds since the epoch, tab-separated. */
    static final Path PHASES = Path.of("target", "bench", "phases.tsv");

    private final BenchScale scale = BenchScale.fromSystemProperty();
    private final ResultsTable results = new ResultsTable();
    private final List<String> problems = new ArrayList<>();
    private final StringBuilder phases = new StringBuilder("phase\tstart\tend\n");

    @Test
    void ministryScale() throws Exception {
        var database = new TestDatabase();
        long began = System.nanoTime();
        try (var service = ServiceUnderTest.start(database)) {
            results.note(String.format(Locale.ROOT, "Run of %s at scale %s (scenarios %s) on %d cores, %s; %s; job executor: %s.",
                    LocalDate.now(), scale.factor(), scale.scenarios(), Runtime.getRuntime().availableProcessors(),
                    database.description(), postgresVersion(service), service.jobExecution()));
            baselines(service);
            double idleRss = MemoryProbe.rssMib();
            double idleHeap = MemoryProbe.heapUsedMib();

            var registration = new RegistrationScenario(service);
            var completion = new CompletionScenario(service);
            // scenario 2 completes what 1 registered, and 7 measures during 2; the bare engine does 1, 2 and 4 after
            // the service, on its own database of the same server
            boolean againstBare = scale.runs(1) || scale.runs(2) || scale.runs(4) || scale.runs(7);
            try (var bare = againstBare ? timed("bare engine start", () -> BareEngineNode.start(service)) : null) {
                if (scale.runs(1) || scale.runs(2) || scale.runs(7)) {
                    registerAndComplete(service, registration, completion, bare, idleRss, idleHeap);
                }
                if (scale.runs(3)) {
                    reminders(service);
                }
                if (scale.runs(4)) {
                    taskList(service, bare);
                }
            }
            if (scale.runs(5)) {
                report(service);
            }
            if (scale.runs(6)) {
                cleanup(service, registration, completion);
            }
        } finally {
            // -Dbench.keep=true: the database (or the embedded server's data directory) stays for a look at its plans
            if (!Boolean.getBoolean("bench.keep")) {
                database.drop();
            }
            results.note(String.format(Locale.ROOT, "Whole run %.0f s. Correctness: %s.", (System.nanoTime() - began) / 1e9,
                    problems.isEmpty() ? "no error, each reminder once" : String.join("; ", problems)));
            results.write(RESULTS);
            System.out.println(results.markdown());
        }
        assertThat(problems).as("correctness (timing goals are only printed)").isEmpty();
    }

    private void baselines(ServiceUnderTest service) throws Exception {
        Duration duration = scale.duration(Duration.ofSeconds(30), Duration.ofSeconds(5));
        var cpu = CpuProbe.now();
        var jdbc = timed("baseline JDBC", () -> new JdbcBaseline(service.dataSource()).run(duration));
        check("JDBC baseline", jdbc);
        cpuRows("baseline", "plain-JDBC tx", CpuProbe.now().since(cpu, jdbc.ok()));
        results.jdbcBaseline(jdbc.perSecond(), jdbc.latencies().p95());
        results.add("baseline", "plain-JDBC registration-shaped tx/s (" + JdbcBaseline.THREADS + " threads)",
                jdbc.perSecond(), Unit.PER_SECOND);
        results.add("baseline", "plain-JDBC tx p95", jdbc.latencies().p95(), Unit.MILLIS);
        var pgbench = timed("baseline pgbench", () -> new PgbenchBaseline(service.dataSource()).run(duration));
        pgbench.ifPresentOrElse(result -> {
            results.pgbenchBaseline(result.perSecond());
            results.add("baseline", "pgbench TPC-B tx/s (-s 4 -c 4 -j 2 -M prepared)", result.perSecond(),
                    Unit.PER_SECOND);
            results.note("pgbench: " + result.summary() + ".");
        }, () -> results.note("pgbench is not on the PATH: no pgbench baseline."));
    }

    /** Scenarios 1, 2 and 7, each on the service and then on the bare engine, with the same work and clients. */
    private void registerAndComplete(ServiceUnderTest service, RegistrationScenario registration,
                                     CompletionScenario completion, BareEngineNode bareEngine, double idleRss,
                                     double idleHeap)
            throws Exception {
        var bare = new BareEngineScenarios(bareEngine);
        long barePid = bareEngine.pid();
        double bareIdleRss = MemoryProbe.rssMib(barePid);
        int count = scale.count(10_000);
        var cpu = CpuProbe.now();
        var registered = timed("1 register", () -> registration.register("BENCH-REG", count, 12));
        var ours = CpuProbe.now().since(cpu, registered.ok());
        var bareCpu = CpuProbe.now(barePid);
        var started = timed("1 register, bare engine", () -> bare.register("BENCH-REG", count, 12));
        var bareStarts = CpuProbe.now(barePid).since(bareCpu, started.ok());
        registrationRows("1 register", registered, 12, started);
        cpuRows("1 register", "commitment", ours, bareStarts);
        bareRows("1 register, bare engine", "process starts/s, 12 clients", started, bareStarts);
        if (!scale.runs(2) && !scale.runs(7)) {
            return;
        }
        // both databases grew by the registrations: vacuumed now, so that neither's autovacuum falls into the other's
        // completions, whose PostgreSQL CPU counts every PostgreSQL process
        Setup.vacuumAnalyze(service);
        bareEngine.vacuumAnalyze();
        try (var memory = MemoryProbe.sampling(); var bareMemory = MemoryProbe.sampling(barePid)) {
            cpu = CpuProbe.now();
            var completed = timed("2 complete", () -> completion.completeFirstTasks("BENCH-REG", 16));
            ours = CpuProbe.now().since(cpu, completed.ok());
            double rssAfter = MemoryProbe.rssMib();
            double heapAfter = MemoryProbe.heapUsedMib();
            double peakRss = memory.peakRssMib();
            bareCpu = CpuProbe.now(barePid);
            var bareCompleted = timed("2 complete, bare engine", () -> bare.completeFirstTasks(16));
            var bareCompletions = CpuProbe.now(barePid).since(bareCpu, bareCompleted.ok());
            memoryRows(new Memory(idleRss, rssAfter, peakRss, idleHeap, heapAfter),
                    new Memory(bareIdleRss, MemoryProbe.rssMib(barePid), bareMemory.peakRssMib(), Double.NaN,
                            Double.NaN));
            completionRows("2 complete", completed, 16, bareCompleted);
            cpuRows("2 complete", "completion", ours, bareCompletions);
            bareRows("2 complete, bare engine", "completions/s, 16 coordinators", bareCompleted, bareCompletions);
        }
    }

    private void registrationRows(String scenario, LoadDriver.Run run, int clients, LoadDriver.Run bare) {
        check(scenario, run);
        results.add(scenario, "commitments/s, " + clients + " clients (" + run.ok() + ")", run.perSecond(),
                Unit.PER_SECOND, Goal.atLeast(200, "≥ 200/s"), bare.perSecond());
        results.add(scenario, "share of the JDBC baseline", 100 * run.perSecond() / jdbcPerSecond(), Unit.PERCENT,
                Goal.atLeast(40, "≥ 40 %"));
        results.add(scenario, "share of the bare engine's rate", 100 * run.perSecond() / bare.perSecond(),
                Unit.PERCENT, Goal.atLeast(60, "≥ 60 %"));
        latencyRows(scenario, run.latencies(), null, bare.latencies());
    }

    private void completionRows(String scenario, LoadDriver.Run run, int clients, LoadDriver.Run bare) {
        check(scenario, run);
        results.add(scenario, "completions/s, " + clients + " coordinators (" + run.ok() + ")", run.perSecond(),
                Unit.PER_SECOND, Goal.atLeast(200, "≥ 200/s"), bare.perSecond());
        results.add(scenario, "share of the bare engine's rate", 100 * run.perSecond() / bare.perSecond(),
                Unit.PERCENT, Goal.atLeast(60, "≥ 60 %"));
        latencyRows(scenario, run.latencies(), Goal.atMost(30, "≤ 30 ms"), bare.latencies());
        results.add(scenario, "409 conflicts (" + run.conflicts() + ")", run.conflictPercent(), Unit.PERCENT,
                Goal.below(0.1, "< 0.1 %"));
    }

    /** The bare engine's own figures: what Camunda alone does with the same work on this machine. */
    private void bareRows(String scenario, String rate, LoadDriver.Run run, CpuProbe.Per cpu) {
        check(scenario, run);
        results.add(scenario, rate + " (" + run.ok() + ")", run.perSecond(), Unit.PER_SECOND);
        latencyRows(scenario, run.latencies(), null, null);
        results.add(scenario, "CPU per operation, bare engine's JVM and the harness", cpu.jvmMillis(),
                Unit.CPU_MILLIS);
        results.add(scenario, "CPU per operation, PostgreSQL", cpu.postgresMillis(), Unit.CPU_MILLIS);
    }

    private void latencyRows(String scenario, Latencies latencies, Goal p95, Latencies bare) {
        results.add(scenario, "p50", latencies.p50(), Unit.MILLIS, null, bare == null ? Double.NaN : bare.p50());
        results.add(scenario, "p95", latencies.p95(), Unit.MILLIS, p95, bare == null ? Double.NaN : bare.p95());
        results.add(scenario, "p99", latencies.p99(), Unit.MILLIS, null, bare == null ? Double.NaN : bare.p99());
    }

    /** The machine's CPU per operation: steadier than a rate when other work shares the machine. */
    private void cpuRows(String scenario, String operation, CpuProbe.Per per) {
        cpuRows(scenario, operation, per, new CpuProbe.Per(Double.NaN, Double.NaN));
    }

    private void cpuRows(String scenario, String operation, CpuProbe.Per per, CpuProbe.Per bare) {
        results.add(scenario, "CPU per " + operation + ", this JVM (service and harness)", per.jvmMillis(),
                Unit.CPU_MILLIS, null, bare.jvmMillis());
        results.add(scenario, "CPU per " + operation + ", PostgreSQL", per.postgresMillis(), Unit.CPU_MILLIS, null,
                bare.postgresMillis());
    }

    /** A JVM's memory: resident idle, at the end of scenario 2 and at its peak then; heap used idle and at the end. */
    private record Memory(double idleRss, double endRss, double peakRss, double idleHeap, double endHeap) {
    }

    /** The bare engine's JVM (-Xmx640m) is measured from outside: its resident memory only. */
    private void memoryRows(Memory ours, Memory bare) {
        var goal = Goal.below(1024, "< 1 GiB");
        results.add("7 memory", "resident (JVM: service + harness), idle", ours.idleRss(), Unit.MIB, null,
                bare.idleRss());
        results.add("7 memory", "resident, end of scenario 2", ours.endRss(), Unit.MIB, goal, bare.endRss());
        results.add("7 memory", "resident, peak during scenario 2", ours.peakRss(), Unit.MIB, goal, bare.peakRss());
        results.add("7 memory", "heap used, idle", ours.idleHeap(), Unit.MIB);
        results.add("7 memory", "heap used, end of scenario 2", ours.endHeap(), Unit.MIB);
        results.add("7 memory, bare engine", "resident (bare engine's JVM), idle", bare.idleRss(), Unit.MIB);
        results.add("7 memory, bare engine", "resident, end of its scenario 2", bare.endRss(), Unit.MIB);
        results.add("7 memory, bare engine", "resident, peak during its scenario 2", bare.peakRss(), Unit.MIB);
    }

    private void reminders(ServiceUnderTest service) throws Exception {
        int count = scale.count(100_000);
        var storm = timed("3 reminder storm", () -> new ReminderStorm(service).run(count));
        problems.addAll(storm.problems());
        results.add("3 reminder storm", "reminders/s end to end (" + count + " due at once)", storm.perSecond(),
                Unit.PER_SECOND, Goal.atLeast(150, "≥ 150/s"));
        results.add("3 reminder storm", "of which timers fired and outbox written/s", storm.writtenPerSecond(),
                Unit.PER_SECOND);
        results.add("3 reminder storm", "received exactly once at the SMTP server", storm.receivedOnce(), Unit.COUNT,
                Goal.atLeast(count, "each once (" + count + ")"));
        cpuRows("3 reminder storm", "reminder", storm.cpu());

        var lateness = timed("3 punctuality", () -> new Punctuality(service)
                .run(scale.duration(Duration.ofSeconds(100), Duration.ofSeconds(10))));
        problems.addAll(lateness.problems());
        var goal = Goal.atMost(2000, "p99 ≤ 2 s");
        String steady = " (" + Punctuality.PER_SECOND + "/s, " + lateness.written().count() + ")";
        results.add("3 punctuality", "timer fired (outbox written) after due, p50" + steady,
                lateness.written().p50(), Unit.MILLIS);
        results.add("3 punctuality", "timer fired after due, p99", lateness.written().p99(), Unit.MILLIS, goal);
        results.add("3 punctuality", "mail sent after due, p50", lateness.sent().p50(), Unit.MILLIS);
        results.add("3 punctuality", "mail sent after due, p99", lateness.sent().p99(), Unit.MILLIS, goal);
    }

    /** Scenario 4 on the service, then the same tasks, people and queries on the bare engine. */
    private void taskList(ServiceUnderTest service, BareEngineNode bareEngine) throws Exception {
        int tasks = scale.count(100_000);
        Duration duration = scale.duration(Duration.ofSeconds(60), Duration.ofSeconds(10));
        var figures = timed("4 task list", () -> new TaskListScenario(service).run(tasks, duration));
        var bare = timed("4 task list, bare engine", () -> new BareEngineScenarios(bareEngine).taskList(tasks, duration));
        String scenario = "4 task list";
        check(scenario, figures.all());
        results.add(scenario, "queries/s, " + TaskListScenario.USERS + " users (" + tasks + " tasks, "
                + TaskListScenario.GROUPS + " groups)", figures.all().perSecond(), Unit.PER_SECOND,
                Goal.atLeast(200, "≥ 200/s"), bare.all().perSecond());
        results.add(scenario, "p95, page and count", figures.all().latencies().p95(), Unit.MILLIS,
                Goal.atMost(50, "≤ 50 ms"), bare.all().latencies().p95());
        results.add(scenario, "p95 as a multiple of the bare engine's",
                figures.all().latencies().p95() / bare.all().latencies().p95(), Unit.RATIO,
                Goal.atMost(1.5, "≤ 1.5 ×"));
        results.add(scenario, "p95, page of 50 by due date", figures.list().p95(), Unit.MILLIS, null,
                bare.list().p95());
        results.add(scenario, "p95, count", figures.count().p95(), Unit.MILLIS, null, bare.count().p95());
        cpuRows(scenario, "query", figures.cpu(), bare.cpu());
        bareRows(scenario + ", bare engine", "queries/s, " + TaskListScenario.USERS + " users", bare.all(),
                bare.cpu());
    }

    private void report(ServiceUnderTest service) throws Exception {
        var scenario = new ReportScenario(service);
        long commitments = timed("5 report setup", () -> scenario.prepare(scale.count(100_000)));
        var byFormat = timed("5 report", scenario::draw);
        byFormat.forEach((format, latencies) -> {
            String about = " (" + commitments + " commitments, " + latencies.count() + " draws)";
            Goal goal = switch (format) {
                case "JSON" -> Goal.atMost(250, "≤ 250 ms at 10,000");
                case "PDF" -> Goal.atMost(2000, "≤ 2 s at 10,000");
                default -> null;
            };
            results.add("5 report", format + " p50" + about, latencies.p50(), Unit.MILLIS);
            results.add("5 report", format + " p95", latencies.p95(), Unit.MILLIS, goal);
        });
    }

    private void cleanup(ServiceUnderTest service, RegistrationScenario registration, CompletionScenario completion)
            throws Exception {
        int instances = scale.count(100_000);
        var figures = timed("6 history cleanup", () -> new HistoryCleanupScenario(service, registration, completion)
                .run(instances, scale.count(5_000), 6, 8));
        String scenario = "6 history cleanup";
        check(scenario + " (calm)", figures.without().registrations());
        check(scenario + " (calm)", figures.without().completions());
        check(scenario, figures.with().registrations());
        check(scenario, figures.with().completions());
        results.add(scenario, "expired instances removed/s (" + instances + ")", figures.removedPerSecond(),
                Unit.PER_SECOND, Goal.atLeast(300, "≥ 300/s"));
        results.add(scenario, "removed while the foreground ran", figures.removedDuringForeground(), Unit.COUNT);
        slowDown(scenario, "registration (6 clients)", figures.without().registrations(),
                figures.with().registrations());
        slowDown(scenario, "completion (8 clients)", figures.without().completions(), figures.with().completions());
    }

    private void slowDown(String scenario, String what, LoadDriver.Run without, LoadDriver.Run with) {
        results.add(scenario, what + " p95 without cleanup", without.latencies().p95(), Unit.MILLIS);
        results.add(scenario, what + " p95 during cleanup", with.latencies().p95(), Unit.MILLIS);
        results.add(scenario, what + " p95 slowed by", 100 * (with.latencies().p95() / without.latencies().p95() - 1),
                Unit.PERCENT, Goal.atMost(20, "≤ 20 %"));
    }

    private double jdbcPerSecond() {
        return results.jdbcPerSecond();
    }

    private void check(String scenario, LoadDriver.Run run) {
        if (run.errorCount() > 0) {
            problems.add(scenario + ": " + run.errorCount() + " errors, e.g. " + run.errors());
        }
    }

    private static String postgresVersion(ServiceUnderTest service) {
        return service.jdbc().sql("SELECT 'PostgreSQL ' || current_setting('server_version')").query(String.class)
                .single();
    }

    /**
     * Runs one phase, notes how long it took and writes the table so far: a run stopped half-way still leaves its
     * figures in {@link #RESULTS}.
     */
    private <T> T timed(String phase, Callable<T> work) throws Exception {
        results.write(RESULTS);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        T result = work.call();
        results.note(String.format(Locale.ROOT, "%s: %.0f s.", phase, (System.nanoTime() - start) / 1e9));
        results.write(RESULTS);
        // when each phase ran, to cut a JFR recording of the run to it (jfrconv --from, --to)
        phases.append(phase).append('\t').append(startMillis).append('\t').append(System.currentTimeMillis())
                .append('\n');
        Files.writeString(PHASES, phases);
        return result;
    }
}
