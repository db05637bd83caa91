package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compromiso.LockWaits.backend;
import static org.compromiso.LockWaits.blockedBy;
import static org.compromiso.LockWaits.hold;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.compromiso.engine.ProcessLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator completes a task at the moment its reminder's job runs: the completion deletes the task's deadline
 * process while the job changes it (or ends it, after its last reminder). The completion waits for the job's
 * transaction and then goes through; it is never refused with a conflict (409) or an engine error (500).
 * The job's transaction is held open here, so the moment is not left to chance.
 */
@CompromisoTest
class DeadlineRaceTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessLock lock;

    @Test
    void aCompletionWaitsForTheReminderJobOfItsTaskInsteadOfFailing() throws Exception {
        var race = implementationWithItsDeadline("TEST-DEADLINE-RACE-");
        String code = race.code();
        String implement = race.task();
        String deadline = race.deadline();
        String reminder = race.reminder();

        var jobRan = new CountDownLatch(1);
        var completionWaits = new CountDownLatch(1);
        var jobConnection = new AtomicInteger();
        var job = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> {
                    jobConnection.set(backend(jdbc));
                    management.executeJob(reminder);
                    jobRan.countDown();
                    hold(completionWaits);
                }));
        assertThat(jobRan.await(30, TimeUnit.SECONDS)).as("the reminder job ran, its transaction open").isTrue();

        var completion = CompletableFuture.supplyAsync(() -> http.withBasicAuth("sreCoordinator", "demo")
                .postForEntity("/engine-rest/task/" + implement + "/complete", Map.of("variables",
                        Map.of("implementationSummary", Map.of("value", "Done", "type", "String"))), JsonNode.class));
        // the completion reaches the job's rows and waits for its transaction
        await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(jdbc, jobConnection.get(), 0) || completion.isDone());
        completionWaits.countDown();
        job.get(30, TimeUnit.SECONDS);

        var answer = completion.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(deadline).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ReportCompletion")
                .count()).isEqualTo(1);
    }

    @Test
    void theLastReminderJobWaitsForACompletionThatGotThereFirst() throws Exception {
        var race = implementationWithItsDeadline("TEST-DEADLINE-FIRST-");
        String code = race.code();
        String implement = race.task();
        String deadline = race.deadline();
        String reminder = race.reminder();
        // its last reminder: the job ends the process, deleting its rows, while the completion deletes them too
        runtime.setVariable(deadline, "schedule", "");

        var completed = new CountDownLatch(1);
        var jobWaits = new CountDownLatch(1);
        var completionConnection = new AtomicInteger();
        // the completion, its transaction held open once it took the deadline's lock (as its commit will)
        var completion = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> {
                    completionConnection.set(backend(jdbc));
                    assertThat(lock.take(deadline)).isTrue();
                    tasks.complete(implement, Map.of("implementationSummary", "Done"));
                    completed.countDown();
                    hold(jobWaits);
                }));
        assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
        var job = CompletableFuture.runAsync(() -> management.executeJob(reminder));
        // the job has waited longer than PostgreSQL's deadlock check (1 s) before the completion commits: a job that
        // wrote before taking the lock would now make the completion's commit the one that deadlocks
        await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(jdbc, completionConnection.get(), 1500) || job.isDone());
        jobWaits.countDown();

        completion.get(30, TimeUnit.SECONDS);
        // the job found its process gone: the engine drops it (a conflict, rolled back), no reminder is written
        assertThat(catching(job)).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(deadline).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ReportCompletion")
                .count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE task_id = ?").param(implement).query(Long.class)
                .single()).isZero();
    }

    /** A commitment at Task_ImplementAction, with the task's deadline process and its next reminder's job. */
    private record Race(String code, String task, String deadline, String reminder) {
    }

    private Race implementationWithItsDeadline(String prefix) {
        String code = prefix + System.nanoTime() % 1_000_000;
        register(code, LocalDate.now().plusDays(10));
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId(),
                Map.of("plan", "Plan it", "plannedCompletion", LocalDate.now().plusDays(9).toString()));
        String implement = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
        String deadline = runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineScheduler.PROCESS)
                .processInstanceBusinessKey(implement).singleResult().getId();
        // its first reminder, a week before the due date: days ahead, so the job executor leaves it alone
        String reminder = management.createJobQuery().processInstanceId(deadline).singleResult().getId();
        return new Race(code, implement, deadline, reminder);
    }

    /** What the job threw, unless it is the engine's conflict for a job whose process was deleted meanwhile. */
    private static Throwable catching(CompletableFuture<Void> job) throws InterruptedException {
        try {
            job.get(30, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof OptimisticLockingException ? null : e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    private void register(String code, LocalDate target) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "Completed while reminded");
        body.put("kind", "agreed-action");
        body.put("leadAgencies", Map.of("MX", "sre"));
        body.put("targetDate", target.toString());
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt", "quote", "We agree.", "language", "en"));
        var answer = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/commitments", body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    }
}
