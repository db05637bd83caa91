package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compromiso.reports.StatusReportTest.line;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A done commitment reads the same in the report once the engine's history of its process is gone, as the nightly
 * cleanup removes it after its time-to-live: done, with the steps of its path done, a recurring progress update
 * beside the path as before.
 */
@CompromisoTest
class DoneWithoutEngineHistoryTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void aDoneCommitmentReadsTheSameOnceTheEnginesHistoryOfItsProcessIsRemoved() {
        String code = "TEST-FORGOTTEN-" + System.nanoTime() % 1_000_000;
        String instance = register(code);
        complete(instance, "Task_PlanAction", Map.of("plan", "Plan it", "plannedCompletion",
                LocalDate.now().plusDays(20).toString()));
        // the monthly progress update falls due once, and is reported
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("Timer_ProgressUpdate").singleResult().getId());
        complete(instance, "Task_ReportProgress", Map.of("progressSummary", "Half way", "percentComplete", 50L));
        complete(instance, "Task_ImplementAction", Map.of("implementationSummary", "Done"));
        complete(instance, "Task_ReportCompletion", Map.of("completionSummary", "Done",
                "evidenceLink", "https://www.gob.mx/sre/prensa"));
        complete(instance, "Task_VerifyCompletion", Map.of("verified", "yes", "verificationNote", "Checked"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("ended").isZero();

        JsonNode before = line(report(), code);
        assertThat(before.get("status").asText()).isEqualTo("DONE");
        assertThat(before.get("stepsDone").asInt()).as("plan, implement, report, verify; not the progress update")
                .isEqualTo(4);
        assertThat(before.get("stepsKnown").asInt()).isEqualTo(4);

        history.deleteHistoricProcessInstance(instance);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isZero();

        JsonNode after = line(report(), code);
        for (String field : new String[] {"status", "stepsDone", "stepsKnown", "targetDate", "lastActivity"}) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
    }

    private String register(String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "Done and forgotten by the engine");
        body.put("kind", "agreed-action");
        body.put("leadAgencies", Map.of("MX", "sre"));
        body.put("targetDate", LocalDate.now().plusMonths(2).toString());
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt", "quote", "We agree.", "language", "en"));
        var answer = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/commitments", body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    }

    private void complete(String instance, String step, Map<String, Object> values) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult()
                .getId(), values);
    }

    private JsonNode report() {
        var answer = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.json",
                JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
