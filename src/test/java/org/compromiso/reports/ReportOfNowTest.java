package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.compromiso.reports.StatusQuery.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The report of now reads a commitment's open tasks from the engine's runtime tables, a tenth of the rows of its
 * history (issue 23): it must say what the history says of the same moment, for every commitment, and a moment
 * that some task fact is later than must still be read from the history.
 */
@CompromisoTest
class ReportOfNowTest {

    @Autowired
    StatusQuery query;
    @Autowired
    ReportProperties properties;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    @Test
    void theRuntimeTablesSayWhatTheHistorySaysOfNowForEveryCommitment() {
        // a claimed step with a moved deadline, handed to one agency and taken from another; one untouched; one
        // cancelled; besides them, the demo's record and whatever other classes left
        String moved = register("TEST-NOW-MOVED");
        var visit = tasks.createTaskQuery().processInstanceBusinessKey(moved).singleResult();
        tasks.complete(visit.getId(), Map.of("proposedFrom", today().plusDays(30).toString(),
                "proposedTo", today().plusDays(32).toString()));
        var panama = tasks.createTaskQuery().processInstanceBusinessKey(moved).singleResult();
        panama.setDueDate(java.util.Date.from(Instant.now().plus(Duration.ofDays(3))));
        tasks.saveTask(panama);
        tasks.addCandidateGroup(panama.getId(), "sedena");
        tasks.deleteCandidateGroup(panama.getId(), "pamire");
        tasks.setAssignee(panama.getId(), "sedenaCoordinator");
        String untouched = register("TEST-NOW-UNTOUCHED");
        String cancelled = register("TEST-NOW-CANCELLED");
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/commitments/" + cancelled + "/cancel",
                Map.of("reason", "Superseded"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Timestamp now = Timestamp.from(clock.instant());

        List<CommitmentStatus> fromHistory = statuses(Source.HISTORY, now);
        List<CommitmentStatus> fromRuntime = statuses(Source.RUNTIME, now);

        assertThat(fromRuntime).containsExactlyElementsOf(fromHistory);
        assertThat(fromHistory).extracting(CommitmentStatus::code).contains(moved, untouched, cancelled,
                "MXUS-2401-MEET-GUATEMALA", "MXUS-2401-DARIEN-VISIT");
        CommitmentStatus line = fromRuntime.stream().filter(status -> status.code().equals(moved)).findFirst()
                .orElseThrow();
        assertThat(line.waitingOn()).containsExactly("sedena");
        assertThat(line.nextDeadline()).isEqualTo(today().plusDays(3));
        assertThat(line.stepsDone()).isOne();
        assertThat(query.statuses(now, today(), now, ReportFilter.ALL, null, properties.rules()))
                .as("the report of now reads the runtime tables and says the same").isEqualTo(fromHistory);
    }

    @Test
    void aMomentThatATaskFactIsLaterThanIsReadFromTheHistory() {
        String code = register("TEST-NOW-LATER");
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        Instant before = clock.instant();
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.instant().isAfter(before));
        tasks.addCandidateGroup(task.getId(), "sedena");
        Timestamp then = Timestamp.from(before);

        assertThat(waitingOn(statuses(Source.RUNTIME, then), code))
                .as("the runtime tables already hold the later group").contains("sedena");
        assertThat(waitingOn(statuses(Source.HISTORY, then), code)).doesNotContain("sedena");
        assertThat(waitingOn(query.statuses(then, today(), then, ReportFilter.ALL, null, properties.rules()), code))
                .as("read from the history, as it was then").doesNotContain("sedena");
    }

    private List<CommitmentStatus> statuses(Source source, Timestamp at) {
        return query.statuses(source, at, today(), at, ReportFilter.ALL, null, properties.rules(), "en");
    }

    private static List<String> waitingOn(List<CommitmentStatus> lines, String code) {
        return lines.stream().filter(line -> line.code().equals(code)).findFirst().orElseThrow().waitingOn();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Registers a Darién visit of this run; returns its code. */
    private String register(String prefix) {
        String code = DeskRegistrations.unique(prefix);
        DeskRegistrations.register(http, code, "darien-joint-visit", Map.of("MX", "sre", "US", "state", "PA", "pamire"),
                "2030-06-30");
        return code;
    }
}
