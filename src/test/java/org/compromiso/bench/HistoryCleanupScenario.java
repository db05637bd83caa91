package org.compromiso.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 6: history past its time-to-live removed by the engine's cleanup job while the desk registers and the
 * coordinators complete at half the concurrency of scenarios 1 and 2; the same foreground work also runs once
 * without cleanup, for the slow-down.
 */
final class HistoryCleanupScenario {

    static final String PROCESS = "Bench_Ephemeral";

    /** Registrations and completions of one foreground run. */
    record Foreground(LoadDriver.Run registrations, LoadDriver.Run completions) {
    }

    record Figures(int instances, Duration removal, long removedDuringForeground, Foreground without,
                   Foreground with) {

        double removedPerSecond() {
            return instances / (removal.toNanos() / 1e9);
        }
    }

    private final ServiceUnderTest service;
    private final RegistrationScenario registration;
    private final CompletionScenario completion;

    HistoryCleanupScenario(ServiceUnderTest service, RegistrationScenario registration, CompletionScenario completion) {
        this.service = service;
        this.registration = registration;
        this.completion = completion;
    }

    Figures run(int instances, int commitments, int registrationClients, int completionClients) throws Exception {
        var engine = service.engine();
        // expired as soon as it ends: everything it leaves in the history is the cleanup's to remove
        BenchModel.deploy(engine, PROCESS, "P0D", List.of());
        Setup.inParallel(instances, i -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS));
        Setup.vacuumAnalyze(service);
        var without = new Foreground(registration.register("BENCH-CALM", commitments, registrationClients),
                completion.completeFirstTasks("BENCH-CALM", completionClients));

        long start = System.nanoTime();
        var gone = new AtomicLong();
        var watch = Executors.newSingleThreadScheduledExecutor();
        // the cleanup may end while the foreground still runs: its rate is taken when the last instance went
        watch.scheduleWithFixedDelay(() -> {
            if (gone.get() == 0 && remaining() == 0) {
                gone.set(System.nanoTime());
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        try {
            engine.getHistoryService().cleanUpHistoryAsync(true);
            var with = new Foreground(registration.register("BENCH-CLEANUP", commitments, registrationClients),
                    completion.completeFirstTasks("BENCH-CLEANUP", completionClients));
            long removedDuringForeground = instances - remaining();
            await("expired history removed").atMost(Duration.ofSeconds(120 + instances / 20))
                    .until(() -> gone.get() != 0);
            return new Figures(instances, Duration.ofNanos(gone.get() - start), removedDuringForeground, without,
                    with);
        } finally {
            watch.shutdownNow();
        }
    }

    private long remaining() {
        return service.engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .count();
    }
}
