package org.compromiso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21: a meeting's outcomes become the next commitments through the process that prepared the meeting. The
 * desk imports the meeting's catalog naming that next-meeting commitment ({@code outcomesOf}); its commitments
 * wait until SRE's coordinator completes Record outcomes, and then its process registers them.
 */
@CompromisoTest
class OutcomesFromACatalogTest {

    private final String run = String.valueOf(System.nanoTime() % 1_000_000);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogsCommitmentsAreRegisteredByTheProcessWhenItsOutcomesAreRecorded() {
        String preparing = "TEST-OUTCOMES-NEXT-" + run;
        String meeting = "TEST-OUTCOMES-MEETING-" + run;
        String first = "TEST-OUTCOMES-A-" + run;
        String second = "TEST-OUTCOMES-B-" + run;
        String instance = nextMeetingWaitingForItsOutcomes(preparing);
        String catalog = "outcomesOf: " + preparing + "\n"
                + CatalogDeskTest.meeting(meeting, "The round that was prepared", "Mexico City")
                + CatalogDeskTest.commitment(first, "Open a second crossing", "2024-12-31")
                + CatalogDeskTest.commitment(second, "Train consular staff", "2025-06-30");

        // a first version with a typo in a code, corrected before SRE records the outcomes: only the correction stays
        assertThat(importYaml(catalog.replace(second, second + "X")).getStatusCode()).isEqualTo(HttpStatus.OK);
        var imported = importYaml(catalog);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("outcomesOf").asText()).isEqualTo(preparing);
        assertThat(texts(imported.getBody().get("recordedAsOutcomes"))).containsExactly(first, second);
        assertThat(imported.getBody().get("registered")).isEmpty();
        assertThat(detail(first).getStatusCode()).as("not a commitment before SRE records the outcomes")
                .isEqualTo(HttpStatus.NOT_FOUND);

        // SRE types the day after the meeting: the catalog says otherwise
        String recordOutcomes = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_RecordOutcomes").singleResult().getId();
        var wrongDay = complete(recordOutcomes, Map.of("meetingHeldOn", "2024-03-02", "meetingPlace", "Mexico City"));
        assertThat(wrongDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongDay.getBody().toString()).contains("meetingHeldOn", meeting, "2024-03-01");

        // with the catalog's outcomes, none need be typed
        var recorded = complete(recordOutcomes, Map.of("meetingHeldOn", "2024-03-01", "meetingPlace", "Mexico City"));
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode registered = await().atMost(Duration.ofSeconds(30)).until(() -> detail(second),
                answer -> answer.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(registered.at("/commitment/meetingCode").asText()).isEqualTo(meeting);
        JsonNode entry = registered.get("history").get(0);
        // the desk wrote them, the process registered them
        assertThat(entry.get("action").asText() + " by " + entry.get("actor").asText() + " via "
                + entry.get("surface").asText()).isEqualTo("registered by deskOfficer via engine");
        assertThat(detail(first).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(detail(second + "X").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE title LIKE ?").param("%prepared by " + preparing + "%")
                .query(Long.class).single()).as("no second meeting for the same day").isZero();

        // the same file again changes nothing; a new commitment for a meeting whose outcomes are recorded is refused
        var again = importYaml(catalog);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(texts(again.getBody().get("unchanged"))).contains(first, second);
        String late = "TEST-OUTCOMES-C-" + run;
        var refused = importYaml(catalog + CatalogDeskTest.commitment(late, "One more", "2024-12-31"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/line").asInt()).isEqualTo(1);
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("outcomesOf");
        assertThat(refused.getBody().at("/errors/0/reason").asText())
                .contains("is not waiting for its meeting's outcomes");
        assertThat(detail(late).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMeetingNeedsAnOutcomeTypedOrImported() {
        String instance = nextMeetingWaitingForItsOutcomes("TEST-OUTCOMES-NONE-" + run);
        String recordOutcomes = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_RecordOutcomes").singleResult().getId();

        var nothing = complete(recordOutcomes, Map.of("meetingHeldOn", "2024-03-01", "meetingPlace", "Mexico City"));

        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothing.getBody().toString()).contains("outcome1Title");
    }

    private String nextMeetingWaitingForItsOutcomes(String code) {
        return nextMeetingWaitingForItsOutcomes(http, runtime, code);
    }

    /** A next-meeting commitment whose process waits at Record outcomes, its preparations skipped. */
    static String nextMeetingWaitingForItsOutcomes(TestRestTemplate http, RuntimeService runtime, String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("meetingCode", "MX-US-2024-01-19");
        body.put("title", "Meet again");
        body.put("kind", "next-meeting");
        body.put("leadAgencies", Map.of("MX", "sre", "US", "state"));
        body.put("targetDate", "2024-03-31");
        body.put("provenance", Map.of("document", "test.txt", "quote", "We will meet again.", "language", "en"));
        var answer = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/commitments", body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        runtime.createProcessInstanceModification(instance).cancelAllForActivity("Task_ProposeMeetingDates")
                .startBeforeActivity("Task_RecordOutcomes").execute();
        return instance;
    }

    private ResponseEntity<JsonNode> importYaml(String yaml) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/catalog",
                new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> complete(String taskId, Map<String, String> values) {
        var variables = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value, "type", "String")));
        return http.withBasicAuth("sreCoordinator", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), JsonNode.class);
    }

    private ResponseEntity<JsonNode> detail(String code) {
        return http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/commitments/" + code, JsonNode.class);
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
