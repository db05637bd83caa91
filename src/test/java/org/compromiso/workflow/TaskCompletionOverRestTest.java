package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Completing tasks the way a script does, through {@code /engine-rest/task/{id}/complete}, which skips the form. */
@CompromisoTest
class TaskCompletionOverRestTest {

    static final String CODE = "TEST-REST-VERIFY";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;

    @Test
    void aSecondVerificationNeedsItsOwnAnswersNotTheFirstOnes() {
        register(CODE);
        completed("Task_PlanAction", Map.of("plan", "Draft the plan", "plannedCompletion", "2024-05-01"), CODE);
        implementAndReport();
        completed("Task_VerifyCompletion", Map.of("verified", "no", "verificationNote", "No evidence"), CODE);
        implementAndReport();

        var empty = complete("Task_VerifyCompletion", Map.of());

        assertThat(empty.getStatusCode().value()).as("the first round's answers do not count again").isEqualTo(400);
        assertThat(empty.getBody().get("message").asText())
                .contains("verified: is required", "verificationNote: is required");
        assertThat(openTask()).isEqualTo("Task_VerifyCompletion");
    }

    @Test
    void answersMustBeWhatTheFormOffersAndNoLongerThanItAllows() {
        register("TEST-REST-LONG");

        var answer = complete("Task_PlanAction", Map.of("plan", "x".repeat(4001), "plannedCompletion", "2024-05-01"),
                "TEST-REST-LONG");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("plan: must be at most 4000 characters");
    }

    @Test
    void aChoiceOutsideTheFormsOptionsIsRefused() {
        register("TEST-REST-CHOICE");
        completed("Task_PlanAction", Map.of("plan", "Plan", "plannedCompletion", "2024-05-01"), "TEST-REST-CHOICE");
        completed("Task_ImplementAction", Map.of("implementationSummary", "Done"), "TEST-REST-CHOICE");
        completed("Task_ReportCompletion", Map.of("completionSummary", "Done",
                "evidenceLink", "https://example.org/report"), "TEST-REST-CHOICE");

        var answer = complete("Task_VerifyCompletion", Map.of("verified", "maybe", "verificationNote", "Hm"),
                "TEST-REST-CHOICE");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).contains("verified: must be one of yes, no");
    }

    @Test
    void aRefusalIs400AndCompletingATaskNoLongerOpenIs409() {
        register("TEST-REST-TWICE");
        var plan = tasks.createTaskQuery().processInstanceBusinessKey("TEST-REST-TWICE")
                .taskDefinitionKey("Task_PlanAction").singleResult();
        var values = Map.<String, Object>of("plan", Map.of("value", "Plan", "type", "String"),
                "plannedCompletion", Map.of("value", "2024-05-01", "type", "String"));

        var refused = post("/engine-rest/task/" + plan.getId() + "/complete", Map.of("variables", Map.of()));
        var first = post("/engine-rest/task/" + plan.getId() + "/complete", Map.of("variables", values));
        var second = post("/engine-rest/task/" + plan.getId() + "/complete", Map.of("variables", values));

        assertThat(refused.getStatusCode().value()).as("missing form values: the client's to fix").isEqualTo(400);
        assertThat(first.getStatusCode().value()).isEqualTo(204);
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().get("type").asText()).isEqualTo("TaskNotOpen");
    }

    private void implementAndReport() {
        completed("Task_ImplementAction", Map.of("implementationSummary", "Built it"), CODE);
        completed("Task_ReportCompletion", Map.of("completionSummary", "Finished",
                "evidenceLink", "https://example.org/report"), CODE);
    }

    /** A step on the way to the one under test: it must go through, or the test would check the wrong task. */
    private void completed(String taskKey, Map<String, Object> values, String code) {
        var answer = complete(taskKey, values, code);
        assertThat(answer.getStatusCode().value()).as("completing %s: %s", taskKey, answer.getBody()).isEqualTo(204);
    }

    private void register(String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "Verified twice");
        body.put("kind", "agreed-action");
        body.put("leadAgencies", Map.of("MX", "sre", "US", "state"));
        // not yet due: a task born overdue has its notice mailed at once, and a completion racing that job is
        // answered 409 (try again), which is right for a client but not what these tests are about
        body.put("targetDate", LocalDate.now().plusYears(1).toString());
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt", "quote", "We agree.", "language", "en"));
        assertThat(post("/api/commitments", body).getStatusCode().is2xxSuccessful()).isTrue();
    }

    private ResponseEntity<JsonNode> complete(String taskKey, Map<String, Object> values) {
        return complete(taskKey, values, CODE);
    }

    /** POST /engine-rest/task/{id}/complete with these values as String variables. */
    private ResponseEntity<JsonNode> complete(String taskKey, Map<String, Object> values, String code) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value, "type", "String")));
        return post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
    }

    private String openTask() {
        return tasks.createTaskQuery().processInstanceBusinessKey(CODE).singleResult().getTaskDefinitionKey();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
