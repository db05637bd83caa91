package org.compromiso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compromiso.LockWaits.backend;
import static org.compromiso.LockWaits.blockedBy;
import static org.compromiso.LockWaits.hold;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.compromiso.commitments.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk imports a meeting's catalog for the process that prepared it (outcomesOf) at the moment SRE completes
 * Record outcomes. Whichever comes first, the other waits for it: a completion after an import registers what the
 * import staged; an import after the completion is refused, as for any closed step. Nothing stays staged for ever.
 * One side's transaction is held open here until PostgreSQL shows the other waiting for it.
 */
@CompromisoTest
class OutcomesRaceTest {

    private static final Actor DESK = new Actor("deskOfficer", "catalog");

    @Autowired
    CatalogImport catalog;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final String run = String.valueOf(System.nanoTime() % 1_000_000);
    /** Threads of this test's own: its sides block on latches and locks, which the common pool must not carry. */
    private final ExecutorService sides = Executors.newCachedThreadPool();

    @AfterEach
    void stopSides() {
        sides.shutdownNow();
    }

    @Test
    void aCompletionWaitsForAnImportStagingItsOutcomesAndRegistersThem() throws Exception {
        String instance = nextMeetingWaitingForItsOutcomes("TEST-RACE-NEXT-" + run);
        String outcome = "TEST-RACE-A-" + run;
        String file = catalogOf("TEST-RACE-NEXT-" + run, "TEST-RACE-MEETING-" + run, outcome);
        String recordOutcomes = recordOutcomesOf(instance);

        var staged = new CountDownLatch(1);
        var importWaits = new CountDownLatch(1);
        var importConnection = new AtomicInteger();
        var importing = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> {
                    importConnection.set(backend(jdbc));
                    catalog.importText(file, DESK);
                    staged.countDown();
                    hold(importWaits);
                }), sides);
        CompletableFuture<ResponseEntity<JsonNode>> completion;
        try {
            assertThat(staged.await(30, TimeUnit.SECONDS)).as("the import staged its outcome, not yet committed")
                    .isTrue();
            completion = CompletableFuture.supplyAsync(() -> completeAsSre(recordOutcomes), sides);
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(jdbc, importConnection.get(), 0)
                    || completion.isDone());
            assertThat(completion.isDone()).as("the completion waits for the import").isFalse();
        } finally {
            importWaits.countDown();
        }
        importing.get(30, TimeUnit.SECONDS);

        var answer = completion.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(outcome).getStatusCode() == HttpStatus.OK);
        assertThat(stagedFor(instance)).isZero();
    }

    @Test
    void anImportWaitsForTheCompletionAndIsRefusedOnceTheStepIsClosed() throws Exception {
        String preparing = "TEST-RACE-DONE-" + run;
        String instance = nextMeetingWaitingForItsOutcomes(preparing);
        String meeting = "TEST-RACE-HELD-" + run;
        String first = "TEST-RACE-B-" + run;
        catalog.importText(catalogOf(preparing, meeting, first), DESK);
        String recordOutcomes = recordOutcomesOf(instance);

        var completed = new CountDownLatch(1);
        var completionWaits = new CountDownLatch(1);
        var completionConnection = new AtomicInteger();
        var completion = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> {
                    completionConnection.set(backend(jdbc));
                    tasks.complete(recordOutcomes, Map.of("meetingHeldOn", "2024-03-01",
                            "meetingPlace", "Mexico City"));
                    completed.countDown();
                    hold(completionWaits);
                }), sides);
        // the desk adds a second outcome to the file meanwhile
        String second = "TEST-RACE-C-" + run;
        CompletableFuture<Void> importing;
        try {
            assertThat(completed.await(30, TimeUnit.SECONDS)).as("completed, not yet committed").isTrue();
            importing = CompletableFuture.runAsync(() -> catalog.importText(catalogOf(preparing, meeting, first)
                    + CatalogDeskTest.commitment(second, "A second outcome", "2025-06-30"), DESK), sides);
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(jdbc, completionConnection.get(), 0)
                    || importing.isDone());
            assertThat(importing.isDone()).as("the import waits for the completion").isFalse();
        } finally {
            completionWaits.countDown();
        }
        completion.get(30, TimeUnit.SECONDS);

        var refused = assertThatImportFails(importing);
        assertThat(refused.errors()).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo("outcomesOf");
            assertThat(error.reason()).contains("is not waiting for its meeting's outcomes");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(first).getStatusCode() == HttpStatus.OK);
        assertThat(detail(second).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stagedFor(instance)).isZero();
    }

    private static CatalogRejectedException assertThatImportFails(CompletableFuture<Void> importing)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            importing.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CatalogRejectedException.class);
            return (CatalogRejectedException) e.getCause();
        }
        throw new AssertionError("the import was accepted for a step that had been completed");
    }

    private static String catalogOf(String preparing, String meeting, String outcome) {
        return "outcomesOf: " + preparing + "\n"
                + CatalogDeskTest.meeting(meeting, "The round that was prepared", "Mexico City")
                + CatalogDeskTest.commitment(outcome, "Open a second crossing", "2024-12-31");
    }

    private String nextMeetingWaitingForItsOutcomes(String code) {
        return OutcomesFromACatalogTest.nextMeetingWaitingForItsOutcomes(http, runtime, code);
    }

    private String recordOutcomesOf(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_RecordOutcomes")
                .singleResult().getId();
    }

    private ResponseEntity<JsonNode> completeAsSre(String taskId) {
        var variables = Map.of("meetingHeldOn", Map.of("value", "2024-03-01", "type", "String"),
                "meetingPlace", Map.of("value", "Mexico City", "type", "String"));
        return http.withBasicAuth("sreCoordinator", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), JsonNode.class);
    }

    private ResponseEntity<JsonNode> detail(String code) {
        return http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/commitments/" + code, JsonNode.class);
    }

    private long stagedFor(String instance) {
        return jdbc.sql("SELECT count(*) FROM staged_outcome WHERE process_instance_id = ?").param(instance)
                .query(Long.class).single();
    }
}
