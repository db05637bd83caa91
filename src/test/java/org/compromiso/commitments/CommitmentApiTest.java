package org.compromiso.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CompromisoTest
class CommitmentApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Test
    void demoCatalogIsListedWithProvenanceAndARunningProcessEach() {
        JsonNode page = get("/api/commitments?size=200").getBody();
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(16);
        for (JsonNode commitment : page.get("items")) {
            String code = commitment.get("code").asText();
            if (!code.startsWith("MXUS-")) {
                // another class's own commitment (TEST-..., NAMING-...): only the demo's carry a seed's sentence
                continue;
            }
            assertThat(commitment.at("/provenance/quote").asText()).as(code).isNotBlank();
            // a seed file, or for an outcome the replayed next-meeting processes registered, its meeting's record
            assertThat(commitment.at("/provenance/document").asText()).as(code)
                    .matches(document -> document.endsWith(".txt") || code.matches(".*-NEXT-MEETING-O\\d")
                            && document.startsWith("Outcome record of MX-US-"));
            // one process each: running while the commitment is open; the demo has already finished some (the
            // meeting with Guatemala in 2024), whose history the engine's nightly cleanup may have removed since
            String processId = commitment.get("processInstanceId").asText();
            assertThat(processId).as("process of " + code).isNotBlank();
            boolean open = commitment.get("lifecycle").asText().equals("open");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list())
                    .as("running process of " + code).extracting(instance -> instance.getId())
                    .isEqualTo(open ? List.of(processId) : List.of());
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count())
                    .as("processes of " + code).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void registeringStartsTheProcessAndRecordsHistory() {
        var created = post("/api/commitments", commitment("TEST-REGISTER", "agreed-action", "2024-03-01"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/commitments/TEST-REGISTER");
        JsonNode body = created.getBody();
        assertThat(body.at("/commitment/processInstanceId").asText()).isNotBlank();
        assertThat(body.at("/openTasks/0/taskDefinitionKey").asText()).isEqualTo("Task_PlanAction");
        assertThat(body.at("/openTasks/0/candidateGroups").toString()).contains("\"sre\"", "\"state\"");
        assertThat(body.at("/history/0/action").asText()).isEqualTo("registered");
        assertThat(body.at("/history/0/actor").asText()).isEqualTo("admin");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-REGISTER").count()).isOne();
    }

    @Test
    void aFailingProcessStartLeavesNoCommitment() {
        jdbc.sql("INSERT INTO commitment_kind (code, process_key, name_en, name_es) VALUES ('broken', 'NoSuchProcess', 'Broken', 'Roto')")
                .update();
        ResponseEntity<JsonNode> answer;
        try {
            answer = post("/api/commitments", commitment("TEST-BROKEN", "broken", "2024-03-01"));
        } finally {
            // the context and its database are shared: other tests list the kinds
            jdbc.sql("DELETE FROM commitment_kind WHERE code = 'broken'").update();
        }

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) FROM commitment WHERE code = 'TEST-BROKEN'")).isZero();
        assertThat(count("SELECT count(*) FROM commitment_history h JOIN commitment c ON c.id = h.commitment_id WHERE c.code = 'TEST-BROKEN'")).isZero();
    }

    @Test
    void unknownKindIsRefusedNamingTheField() {
        assertProblem(post("/api/commitments", commitment("TEST-KIND", "teleportation", "2024-03-01")),
                HttpStatus.BAD_REQUEST, "kind", "unknown kind");
    }

    @Test
    void aKindThatNeedsPanamaRefusesAMissingPanamanianLead() {
        assertProblem(post("/api/commitments", commitment("TEST-DARIEN", "darien-joint-visit", "2024-03-01")),
                HttpStatus.BAD_REQUEST, "leadAgencies.PA", "needs a lead agency for PA");
    }

    @Test
    void missingLeadAgenciesAreRefused() {
        var body = commitment("TEST-NOLEAD", "agreed-action", "2024-03-01");
        body.remove("leadAgencies");
        assertProblem(post("/api/commitments", body), HttpStatus.BAD_REQUEST, "leadAgencies", "must not be empty");
    }

    @Test
    void aLeadAgencyOfTheWrongPartyIsRefused() {
        var body = commitment("TEST-PARTY", "agreed-action", "2024-03-01");
        body.put("leadAgencies", Map.of("MX", "state"));
        assertProblem(post("/api/commitments", body), HttpStatus.BAD_REQUEST, "leadAgencies.MX", "belongs to US");
    }

    @Test
    void aTargetDateBeforeTheMeetingIsRefused() {
        assertProblem(post("/api/commitments", commitment("TEST-EARLY", "agreed-action", "2023-01-01")),
                HttpStatus.BAD_REQUEST, "targetDate", "must not be before the meeting");
    }

    @Test
    void aMalformedDateIsRefusedNamingTheField() {
        assertProblem(post("/api/commitments", commitment("TEST-DATE", "agreed-action", "31/12/2024")),
                HttpStatus.BAD_REQUEST, "targetDate", "");
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertProblem(get("/api/commitments/NO-SUCH-CODE"), HttpStatus.NOT_FOUND, "code", "unknown");
        assertProblem(exchange(HttpMethod.POST, "/api/commitments/NO-SUCH-CODE/cancel", Map.of("reason", "x")),
                HttpStatus.NOT_FOUND, "code", "unknown");
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        assertThat(post("/api/commitments", commitment("TEST-TWICE", "agreed-action", "2024-03-01")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertProblem(post("/api/commitments", commitment("TEST-TWICE", "agreed-action", "2024-03-01")),
                HttpStatus.CONFLICT, "code", "already registered");
    }

    @Test
    void anOversizedPayloadIsRefused() {
        var body = commitment("TEST-HUGE", "agreed-action", "2024-03-01");
        body.put("description", "x".repeat(2 * 1024 * 1024));
        var answer = post("/api/commitments", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        // refused by RequestSizeLimit before Spring MVC, as the filters' other refusals: with the charset
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(count("SELECT count(*) FROM commitment WHERE code = 'TEST-HUGE'")).isZero();
    }

    @Test
    void changingTheTargetDateNeedsAReasonAndIsRecorded() {
        post("/api/commitments", commitment("TEST-MOVE", "agreed-action", "2024-03-01"));

        assertProblem(exchange(HttpMethod.PUT, "/api/commitments/TEST-MOVE/target-date", Map.of("targetDate", "2024-05-01")),
                HttpStatus.BAD_REQUEST, "reason", "");
        var moved = exchange(HttpMethod.PUT, "/api/commitments/TEST-MOVE/target-date",
                Map.of("targetDate", "2024-05-01", "reason", "Panama asked for more time"));

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().at("/commitment/targetDate").asText()).isEqualTo("2024-05-01");
        JsonNode last = lastHistory(moved.getBody());
        assertThat(last.get("action").asText()).isEqualTo("target-date-changed");
        assertThat(last.get("reason").asText()).isEqualTo("Panama asked for more time");
        assertThat(last.at("/detail/from").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void aTitleIsCorrectedWithItsReasonAndItsHistoryEntryByTheDeskOnly() {
        post("/api/commitments", commitment("TEST-RETITLE", "agreed-action", "2024-03-01"));
        var correction = Map.of("title", "A corrected test commitment", "reason", "Typo in the minutes");

        assertProblem(exchange(HttpMethod.PATCH, "/api/commitments/TEST-RETITLE",
                Map.of("title", "Without a reason")), HttpStatus.BAD_REQUEST, "reason", "");
        assertThat(http.withBasicAuth("sreCoordinator", "demo").exchange("/api/commitments/TEST-RETITLE",
                HttpMethod.PATCH, json(correction), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var corrected = http.withBasicAuth("deskOfficer", "demo").exchange("/api/commitments/TEST-RETITLE",
                HttpMethod.PATCH, json(correction), JsonNode.class);

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().at("/commitment/title").asText()).isEqualTo("A corrected test commitment");
        JsonNode last = lastHistory(corrected.getBody());
        assertThat(last.get("action").asText()).isEqualTo("corrected");
        assertThat(last.get("actor").asText()).isEqualTo("deskOfficer");
        assertThat(last.get("reason").asText()).isEqualTo("Typo in the minutes");
        assertThat(last.at("/detail/field").asText()).isEqualTo("title");
        assertThat(last.at("/detail/from").asText()).isEqualTo("A test commitment");
        assertThat(last.at("/detail/to").asText()).isEqualTo("A corrected test commitment");
        assertThat(exchange(HttpMethod.PATCH, "/api/commitments/TEST-NO-SUCH", correction).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aNewTargetDateMovesTheDueDatesThatCameFromTheOldOne() {
        post("/api/commitments", commitment("TEST-DUE", "agreed-action", "2024-03-01"));
        var plan = tasks.createTaskQuery().processInstanceBusinessKey("TEST-DUE").singleResult();
        tasks.complete(plan.getId(), Map.of("plan", "Plan it", "plannedCompletion", "2024-02-20"));
        var implement = tasks.createTaskQuery().processInstanceBusinessKey("TEST-DUE").singleResult();
        assertThat(implement.getDueDate()).isEqualTo(day(2024, 3, 1));

        // the desk holds no task rights in the engine: the move is the service's own work
        var moved = http.withBasicAuth("deskOfficer", "demo").exchange("/api/commitments/TEST-DUE/target-date",
                HttpMethod.PUT, json(Map.of("targetDate", "2024-05-01", "reason", "Funding arrives in April")),
                JsonNode.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.createTaskQuery().taskId(implement.getId()).singleResult().getDueDate())
                .isEqualTo(day(2024, 5, 1));
        assertThat(runtime.getVariable(implement.getProcessInstanceId(), "targetDate")).isEqualTo(day(2024, 5, 1));
    }

    @Test
    void aDueDateThatDidNotComeFromTheTargetDateStays() {
        post("/api/commitments", commitment("TEST-DUE-OWN", "agreed-action", "2024-03-01"));
        var plan = tasks.createTaskQuery().processInstanceBusinessKey("TEST-DUE-OWN").singleResult();

        exchange(HttpMethod.PUT, "/api/commitments/TEST-DUE-OWN/target-date",
                Map.of("targetDate", "2024-05-01", "reason", "Later"));

        assertThat(tasks.createTaskQuery().taskId(plan.getId()).singleResult().getDueDate())
                .as("planning is due 14 days after registration").isEqualTo(plan.getDueDate());
    }

    @Test
    void aClosedCommitmentKeepsItsTargetDate() {
        post("/api/commitments", commitment("TEST-MOVE-CLOSED", "agreed-action", "2024-03-01"));
        exchange(HttpMethod.POST, "/api/commitments/TEST-MOVE-CLOSED/cancel", Map.of("reason", "Duplicate"));

        assertProblem(exchange(HttpMethod.PUT, "/api/commitments/TEST-MOVE-CLOSED/target-date",
                        Map.of("targetDate", "2024-05-01", "reason", "Later")),
                HttpStatus.BAD_REQUEST, "lifecycle", "only an open commitment");
        assertThat(get("/api/commitments/TEST-MOVE-CLOSED").getBody().at("/commitment/targetDate").asText())
                .isEqualTo("2024-03-01");
    }

    @Test
    void closingAsNotImplementedNeedsAJustificationAndEndsTheProcess() {
        post("/api/commitments", commitment("TEST-CLOSE", "agreed-action", "2024-03-01"));

        assertProblem(exchange(HttpMethod.POST, "/api/commitments/TEST-CLOSE/close-as-not-implemented", Map.of()),
                HttpStatus.BAD_REQUEST, "justification", "");
        var closed = exchange(HttpMethod.POST, "/api/commitments/TEST-CLOSE/close-as-not-implemented",
                Map.of("justification", "Superseded by the trilateral agreement"));

        assertThat(closed.getBody().at("/commitment/lifecycle").asText()).isEqualTo("not_implemented");
        assertThat(closed.getBody().get("openTasks")).isEmpty();
        assertThat(lastHistory(closed.getBody()).get("action").asText()).isEqualTo("closed-not-implemented");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-CLOSE").count()).isZero();
    }

    @Test
    void cancellingNeedsAReasonAndCannotHappenTwice() {
        post("/api/commitments", commitment("TEST-CANCEL", "agreed-action", "2024-03-01"));

        assertProblem(exchange(HttpMethod.POST, "/api/commitments/TEST-CANCEL/cancel", Map.of("reason", " ")),
                HttpStatus.BAD_REQUEST, "reason", "");
        var cancelled = exchange(HttpMethod.POST, "/api/commitments/TEST-CANCEL/cancel", Map.of("reason", "Registered twice"));
        assertThat(cancelled.getBody().at("/commitment/lifecycle").asText()).isEqualTo("cancelled");
        JsonNode entry = lastHistory(cancelled.getBody());
        assertThat(entry.get("action").asText()).isEqualTo("cancelled");
        assertThat(entry.get("reason").asText()).isEqualTo("Registered twice");
        assertThat(entry.get("actor").asText()).isEqualTo("admin");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-CANCEL").count()).isZero();
        assertProblem(exchange(HttpMethod.POST, "/api/commitments/TEST-CANCEL/cancel", Map.of("reason", "again")),
                HttpStatus.BAD_REQUEST, "lifecycle", "only an open commitment");
    }

    @Test
    void listFiltersByMeetingAgencyKindAndStatusAndPages() {
        JsonNode darien = get("/api/commitments?kind=darien-joint-visit").getBody();
        assertThat(darien.get("items")).allSatisfy(item -> assertThat(item.get("kind").asText()).isEqualTo("darien-joint-visit"));
        JsonNode gsa = get("/api/commitments?agency=gsa").getBody();
        assertThat(gsa.get("total").asInt()).isPositive();
        assertThat(gsa.get("items")).allSatisfy(item -> assertThat(item.toString()).contains("gsa"));
        JsonNode december = get("/api/commitments?meeting=MX-US-2023-12-27&status=open&size=2&page=1").getBody();
        assertThat(december.get("items")).hasSizeLessThanOrEqualTo(2);
        assertThat(december.get("items")).allSatisfy(item ->
                assertThat(item.get("meetingCode").asText()).isEqualTo("MX-US-2023-12-27"));
        assertProblem(get("/api/commitments?size=100000"), HttpStatus.BAD_REQUEST, "size", "");
    }

    @Test
    void theStatusFilterFindsCommitmentsWhoseProcessEndedAndRefusesUnknownStatuses() {
        JsonNode done = get("/api/commitments?status=done&size=200").getBody();
        assertThat(done.get("items")).extracting(item -> item.get("code").asText())
                .as("the demo finished the meeting with Guatemala").contains("MXUS-2401-MEET-GUATEMALA");
        assertThat(done.get("items")).allSatisfy(item -> assertThat(item.get("lifecycle").asText()).isEqualTo("done"));
        JsonNode open = get("/api/commitments?status=open&size=200").getBody();
        assertThat(open.get("items")).extracting(item -> item.get("code").asText())
                .doesNotContain("MXUS-2401-MEET-GUATEMALA");
        assertThat(get("/api/commitments/MXUS-2401-MEET-GUATEMALA").getBody().get("history"))
                .anySatisfy(entry -> assertThat(entry.get("action").asText()).isEqualTo("done"));

        assertProblem(get("/api/commitments?status=overdue"), HttpStatus.BAD_REQUEST, "status", "must be one of");
    }

    @Test
    void aTaskCompletionsFormValuesAreInTheHistory() {
        post("/api/commitments", commitment("TEST-VALUES", "agreed-action", "2024-03-01"));
        String task = get("/api/commitments/TEST-VALUES").getBody().at("/openTasks/0/id").asText();

        var completed = post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "plan", Map.of("value", "Meet the mayors of Tapachula"),
                "plannedCompletion", Map.of("value", "2024-02-20"),
                "evidenceLink", Map.of("value", "https://example.org/minutes"))));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode entry = lastHistory(get("/api/commitments/TEST-VALUES").getBody());
        assertThat(entry.get("action").asText()).isEqualTo("task-completed");
        assertThat(entry.get("actor").asText()).isEqualTo("admin");
        assertThat(entry.at("/detail/task").asText()).isEqualTo("Task_PlanAction");
        assertThat(entry.at("/detail/values/plan").asText()).isEqualTo("Meet the mayors of Tapachula");
        assertThat(entry.at("/detail/values/plannedCompletion").asText()).isEqualTo("2024-02-20");
        assertThat(entry.at("/detail/values/evidenceLink").asText()).isEqualTo("https://example.org/minutes");
    }

    @Test
    void historyIsAppendOnlyInTheDatabase() {
        post("/api/commitments", commitment("TEST-APPEND", "agreed-action", "2024-03-01"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE commitment_history SET actor = 'mallory'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM commitment_history").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void anonymousRequestsAreRefused() {
        assertThat(new TestRestTemplate().getForEntity(http.getRootUri() + "/api/commitments", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    static Map<String, Object> commitment(String code, String kind, String targetDate) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "A test commitment");
        body.put("kind", kind);
        body.put("leadAgencies", Map.of("MX", "sre", "US", "state"));
        body.put("targetDate", targetDate);
        body.put("provenance", Map.of("document", "001_ae9539afecd76ba5.txt",
                "quote", "Mexico and the United States agreed to carry out a joint visit to Darién", "language", "en"));
        return body;
    }

    private void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String field, String reason) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<JsonNode> errors = new java.util.ArrayList<>();
        answer.getBody().get("errors").forEach(errors::add);
        assertThat(errors).as(answer.getBody().toString())
                .anySatisfy(error -> {
                    assertThat(error.get("field").asText()).isEqualTo(field);
                    assertThat(error.get("reason").asText()).contains(reason);
                });
    }

    private JsonNode lastHistory(JsonNode detail) {
        JsonNode history = detail.get("history");
        return history.get(history.size() - 1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.withBasicAuth("admin", "demo").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        return http.withBasicAuth("admin", "demo").exchange(path, method, json(body), JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static java.util.Date day(int year, int month, int day) {
        return java.util.Date.from(java.time.LocalDate.of(year, month, day).atStartOfDay(org.compromiso.ServiceZone.ZONE)
                .toInstant());
    }
}
