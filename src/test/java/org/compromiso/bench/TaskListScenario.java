package org.compromiso.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.resilience.EngineRest;

/**
 * Scenario 4: the coordinator's task list. Open tasks without due dates (so without deadline processes) spread
 * over many candidate groups; coordinators, each in ten of those groups, page through Tasklist's query (their
 * groups' tasks by due date, 50 rows) and its count through {@code /engine-rest}, with authorizations on.
 */
final class TaskListScenario {

    static final int GROUPS = 500;
    static final int USERS = 20;
    static final int GROUPS_PER_USER = 10;
    static final String PROCESS = "Bench_OpenTask";
    static final Duration WARM_UP = Duration.ofSeconds(3);

    /** Queries of both kinds together, and each kind alone. */
    record Figures(LoadDriver.Run all, Latencies list, Latencies count, CpuProbe.Per cpu) {
    }

    private final ServiceUnderTest service;

    TaskListScenario(ServiceUnderTest service) {
        this.service = service;
    }

    Figures run(int tasks, Duration duration) throws InterruptedException {
        prepare(service.engine(), tasks, "demo");
        Setup.vacuumAnalyze(service);
        return measure(IntStream.range(0, USERS).mapToObj(u -> service.as(user(u))).toList(), tasks, duration, -1);
    }

    /**
     * The open tasks, groups and coordinators, through the engine's Java API: of the service, or of the bare engine
     * on its own database ({@link BareEngineNode#prepare}), so that both answer the same queries over the same rows.
     */
    static void prepare(ProcessEngine engine, int tasks, String password) throws InterruptedException {
        BenchModel.deploy(engine, PROCESS, "P1D", List.of(new BenchModel.UserTask("Task_Open",
                "name=\"Open task\" camunda:candidateGroups=\"${group}\" camunda:dueDate=\"P3650D\"",
                // a due date, as every task must have, but no reminders: this scenario measures the task list
                "<camunda:properties><camunda:property name=\"reminders\" value=\"none\"/></camunda:properties>")));
        var identity = engine.getIdentityService();
        for (int g = 0; g < GROUPS; g++) {
            var group = identity.newGroup(group(g));
            group.setName("Benchmark group " + g);
            group.setType("agency");
            identity.saveGroup(group);
        }
        for (int u = 0; u < USERS; u++) {
            var user = identity.newUser(user(u));
            user.setPassword(password);
            user.setEmail(user(u).toLowerCase() + "@compromiso.example");
            identity.saveUser(user);
            for (int g : groupsOf(u)) {
                identity.createMembership(user(u), group(g));
            }
        }
        Setup.inParallel(tasks, i -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
                Map.of("group", group(i % GROUPS))));
    }

    /**
     * Warms up, then measures the coordinators' queries; {@code otherPid}: a JVM whose CPU counts too (the bare
     * engine's), or -1.
     */
    static Figures measure(List<EngineRest> coordinators, int tasks, Duration duration, long otherPid)
            throws InterruptedException {
        long expected = IntStream.of(groupsOf(0)).mapToLong(g -> tasks / GROUPS + (g < tasks % GROUPS ? 1 : 0)).sum();
        // the first seconds compile the REST path and fill the caches: not what a coordinator waits for all day
        browse(coordinators, expected, WARM_UP, new Latencies(), new Latencies());
        var list = new Latencies();
        var count = new Latencies();
        var cpu = CpuProbe.now(otherPid);
        var all = browse(coordinators, expected, duration, list, count);
        return new Figures(all, list, count, CpuProbe.now(otherPid).since(cpu, all.ok()));
    }

    /** Each coordinator alternates Tasklist's page and its count for a while. */
    private static LoadDriver.Run browse(List<EngineRest> coordinators, long expected, Duration duration,
                                         Latencies list, Latencies count) throws InterruptedException {
        return LoadDriver.during(USERS, duration, (client, iteration) -> {
            String groups = IntStream.of(groupsOf(client)).mapToObj(TaskListScenario::group)
                    .collect(Collectors.joining(","));
            boolean page = iteration % 2 == 0;
            long before = System.nanoTime();
            var answer = coordinators.get(client).get(page
                    ? "/engine-rest/task?candidateGroups=" + groups
                            + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50"
                    : "/engine-rest/task/count?candidateGroups=" + groups);
            (page ? list : count).record(System.nanoTime() - before);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("task query answered " + answer.statusCode() + ": " + answer.body());
            }
            if (client == 0 && !page && EngineRest.json(answer).get("count").asLong() != expected) {
                throw new IllegalStateException("coordinator 0 sees " + answer.body() + " tasks, not " + expected);
            }
            return LoadDriver.Outcome.OK;
        });
    }

    /** Coordinator u is in groups u, u + 20, u + 40, ...: every group has at most one coordinator. */
    private static int[] groupsOf(int user) {
        return IntStream.range(0, GROUPS_PER_USER).map(k -> user + USERS * k).toArray();
    }

    private static String group(int index) {
        return "bench" + index;
    }

    static String user(int index) {
        return "benchCoordinator" + index;
    }
}
