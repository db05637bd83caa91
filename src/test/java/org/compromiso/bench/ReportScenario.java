package org.compromiso.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scenario 5: the leadership report over many commitments of a kind with ten sequential steps, seven of them done
 * (history the report reads). Registered through {@link CommitmentRegistry} and moved on through the TaskService,
 * each commitment in one transaction; then leadership draws the report as JSON, HTML and PDF.
 */
final class ReportScenario {

    static final String KIND = "bench-ten-steps";
    static final String PROCESS = "Bench_TenSteps";
    static final int STEPS = 10;
    static final int DONE = 7;
    static final int DRAWS = 20;
    /** A format that takes longer than this in all is drawn fewer times, so the run stays within CI's patience. */
    static final Duration BUDGET_PER_FORMAT = Duration.ofSeconds(60);
    private static final List<String> MEXICAN = List.of("sre", "segobinm", "sedena", "semar", "sspc");
    private static final List<String> AMERICAN = List.of("state", "dhs", "cbp", "gsa", "nsc");

    private final ServiceUnderTest service;

    ReportScenario(ServiceUnderTest service) {
        this.service = service;
    }

    /** Creates the commitments; returns how many the report covers in all. */
    long prepare(int commitments) throws InterruptedException {
        BenchModel.deploy(service.engine(), PROCESS, "P400D", IntStream.rangeClosed(1, STEPS)
                .mapToObj(step -> new BenchModel.UserTask(String.format("Task_Step%02d", step), "name=\"Step " + step
                        + "\" camunda:candidateGroups=\"${leadAgencies}\" camunda:dueDate=\"P14D\"",
                        "<camunda:properties><camunda:property name=\"reminders\" value=\"none\"/></camunda:properties>"))
                .toList());
        service.jdbc().sql("""
                INSERT INTO commitment_kind (code, process_key, name_en, name_es) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(KIND, PROCESS, "Benchmark: ten steps", "Prueba: diez pasos").update();
        var registry = service.bean(CommitmentRegistry.class);
        var tasks = service.engine().getTaskService();
        var transaction = new TransactionTemplate(service.bean(PlatformTransactionManager.class));
        var actor = new Actor("deskOfficer", "api");
        LocalDate target = LocalDate.now().plusMonths(3);
        Setup.inParallel(commitments, i -> transaction.executeWithoutResult(status -> {
            String code = "BENCH-REPORT-" + i;
            String instance = registry.register(new NewCommitment(code, "MX-US-2024-01-19", "Ten steps " + i, null,
                    KIND, Map.of("MX", MEXICAN.get(i % 5), "US", AMERICAN.get(i % 5)), List.of(), target, null, false,
                    "normal", new NewCommitment.Provenance("benchmark.txt", "An agreed sentence.", "en")), actor);
            for (int step = 0; step < DONE; step++) {
                tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
            }
        }));
        Setup.vacuumAnalyze(service);
        return service.jdbc().sql("SELECT count(*) FROM commitment").query(Long.class).single();
    }

    /**
     * Latencies per format: up to {@link #DRAWS} reports each, one after the other, as long as the format's budget
     * lasts (at least one). Over HTTP Basic as leadership, with no client timeout short of the budget: a slow report
     * is a figure, not an error.
     */
    Map<String, Latencies> draw() throws Exception {
        var client = HttpClient.newHttpClient();
        String login = "Basic " + Base64.getEncoder().encodeToString("leadershipReader:demo".getBytes(UTF_8));
        var byFormat = new LinkedHashMap<String, Latencies>();
        for (var format : List.of(Map.entry("JSON", "/reports/status.json"), Map.entry("HTML", "/reports/status"),
                Map.entry("PDF", "/reports/status.pdf"))) {
            var latencies = new Latencies();
            long budgetEnd = System.nanoTime() + BUDGET_PER_FORMAT.toNanos();
            for (int i = 0; i < DRAWS && (i == 0 || System.nanoTime() < budgetEnd); i++) {
                var request = HttpRequest.newBuilder(service.uri(format.getValue())).header("Authorization", login)
                        .timeout(Duration.ofMinutes(15)).GET().build();
                long before = System.nanoTime();
                var answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                latencies.record(System.nanoTime() - before);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(format.getValue() + " answered " + answer.statusCode());
                }
            }
            byFormat.put(format.getKey(), latencies);
        }
        return byFormat;
    }
}
