package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compromiso.reports.StatusReportTest.line;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The engine removes a process's history once its time-to-live (P400D) has passed since it ended, every night
 * between 01:00 and 05:00. The demo's record ended four processes in 2024, so the first night removes their
 * history; a done commitment stays done, on the day it was done, with its steps, in every report after that.
 * <p>
 * The cleanup runs here at once, in the context the other classes share, as it does at night whatever class is
 * running: none of them may depend on the engine's history of an ended process.
 */
@CompromisoTest
class HistoryCleanupTest {

    private static final List<String> DONE_IN_2024 = List.of("MXUS-2312-NEXT-MEETING", "MXUS-2401-NEXT-MEETING",
            "MXUS-2401-MEET-GUATEMALA", "MXUS-2401-FENTANYL-SIDELINES");

    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;

    @Test
    void aDoneCommitmentStaysDoneWithItsStepsOnceTheEnginesHistoryOfItIsRemoved() {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
            cleanUpOnce();
            return DONE_IN_2024.stream().allMatch(code -> history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(code).count() == 0);
        });

        JsonNode today = report("");
        for (String code : DONE_IN_2024) {
            JsonNode line = line(today, code);
            assertThat(line.get("status").asText()).as(code).isEqualTo("DONE");
            assertThat(line.get("stepsDone").asInt()).as(code + ": every step of its path done")
                    .isEqualTo(line.get("stepsKnown").asInt()).isPositive();
        }
        // plan, implement, report, verify: from our record of the completions, against the kind's model
        assertThat(line(today, "MXUS-2401-MEET-GUATEMALA").get("stepsDone").asInt()).isEqualTo(4);
        assertThat(line(report("?asOf=2024-01-18"), "MXUS-2312-NEXT-MEETING").get("status").asText())
                .isNotEqualTo("DONE");
        assertThat(line(report("?asOf=2024-01-19"), "MXUS-2312-NEXT-MEETING").get("status").asText())
                .isEqualTo("DONE");
        assertThat(line(report("?asOf=2024-02-28"), "MXUS-2401-MEET-GUATEMALA").get("status").asText())
                .isEqualTo("DONE");
        // an open process keeps its history: the Darién still waits on its first step
        assertThat(line(today, "MXUS-2401-DARIEN-VISIT").get("currentStep").asText()).isEqualTo("Propose visit dates");
    }

    /** One run of the engine's cleanup job, as its executor runs it in the window; a run of the executor's wins. */
    private void cleanUpOnce() {
        try {
            management.executeJob(history.cleanUpHistoryAsync(true).getId());
        } catch (ProcessEngineException e) {
            // the job executor ran the same job at that moment (a conflict, or a deadlock of two runs deleting the
            // same rows): the next round looks again
        }
    }

    private JsonNode report(String query) {
        var answer = http.withBasicAuth("leadershipReader", "demo")
                .getForEntity("/reports/status.json" + query, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
