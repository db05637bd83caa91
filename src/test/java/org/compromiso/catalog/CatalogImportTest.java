package org.compromiso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

@CompromisoTest
class CatalogImportTest {

    private static final String VALID = """
            meeting:
              code: TEST-MEETING
              title: A test round
              heldOn: 2024-03-01
              place: Mexico City
            commitments:
              - code: TEST-CAT-ONE
                title: First action
                kind: agreed-action
                leadAgencies: {MX: sre, US: state}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "We agree to one.", language: en}
            """;

    // line numbers below are part of the test: keep the layout
    private static final String BROKEN = """
            meeting:
              code: TEST-BROKEN-MEETING
              title: A round with mistakes
              heldOn: 2024-03-01
              place: Mexico City
            commitments:
              - code: TEST-CAT-GOOD
                title: A good action
                kind: agreed-action
                leadAgencies: {MX: sre}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "Fine.", language: en}
              - code: TEST-CAT-KIND
                title: Unknown kind
                kind: teleportation
                leadAgencies: {MX: sre}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "Beam us.", language: en}
              - code: TEST-CAT-DATE
                title: Bad date
                kind: agreed-action
                leadAgencies: {MX: sre}
                targetDate: 30/06/2024
                provenance: {document: test.txt, quote: "Soon.", language: en}
              - code: TEST-CAT-EARLY
                title: Too early
                kind: agreed-action
                leadAgencies: {MX: nobody}
                targetDate: 2020-01-01
                colour: green
                provenance: {document: test.txt, quote: "Long ago.", language: fr}
            """;

    // line numbers below are part of the test: keep the layout
    private static final String BROKEN_MEETING = """
            meeting:
              code: TEST-BAD-MEETING
              heldOn: 2024-03-01
              place: Mexico City
            commitments:
              - code: TEST-CAT-M-KIND
                title: Unknown kind
                kind: teleportation
                leadAgencies: {MX: sre}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "Beam us.", language: en}
              - code: TEST-CAT-M-EARLY
                title: Too early
                kind: agreed-action
                leadAgencies: {MX: nobody}
                targetDate: 2020-01-01
                provenance: {document: test.txt, quote: "Long ago.", language: en}
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    @Test
    void reimportingTheDemoCatalogChangesNothing() throws Exception {
        // the December file under codes of this test's own: other classes change the demo's commitments
        String december = new ClassPathResource("catalog/mx-us-2023-12-27.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replace("MX-US-2023-12-27", "REIMPORT-2023-12-27").replace("MXUS-2312-", "REIMPORT-2312-");
        importYaml(december);
        long commitments = count("commitment");
        // the system's own entries (reminders of these overdue commitments) are written by the engine's jobs
        long history = count("commitment_history WHERE actor <> 'system'");
        long instances = runtime.createProcessInstanceQuery().count();

        var answer = importYaml(december);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("registered")).isEmpty();
        assertThat(answer.getBody().get("corrected")).isEmpty();
        assertThat(answer.getBody().get("unchanged").size()).isEqualTo(7);
        assertThat(answer.getBody().get("meetingCreated").asBoolean()).isFalse();
        assertThat(count("commitment")).isEqualTo(commitments);
        assertThat(count("commitment_history WHERE actor <> 'system'")).isEqualTo(history);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void aValidFileRegistersItsMeetingAndCommitmentsOnceEvenAsAnUpload() {
        var first = importYaml(VALID);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("registered").toString()).contains("TEST-CAT-ONE");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-CAT-ONE").count()).isOne();

        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(VALID.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "test.yaml";
            }
        });
        var again = http.withBasicAuth("admin", "demo").postForEntity("/api/catalog", body, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("unchanged").toString()).contains("TEST-CAT-ONE");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-CAT-ONE").count()).isOne();
    }

    @Test
    void aFileWithErrorsImportsNothingAndNamesEveryErrorWithItsLine() {
        var answer = importYaml(BROKEN);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> errors = new ArrayList<>();
        answer.getBody().get("errors").forEach(error -> errors.add(error.get("line").asInt() + " "
                + error.get("field").asText()));
        assertThat(errors).contains(
                "23 commitments[2].targetDate",
                "30 commitments[3].colour",
                "15 commitments[1].kind");
        assertThat(count("meeting WHERE code = 'TEST-BROKEN-MEETING'")).isZero();
        assertThat(count("commitment WHERE code LIKE 'TEST-CAT-%' AND code <> 'TEST-CAT-ONE'")).isZero();
    }

    @Test
    void ruleErrorsOfSeveralCommitmentsAreAllReportedWithTheirLines() {
        String rulesOnly = BROKEN.replace("targetDate: 30/06/2024", "targetDate: 2024-06-30")
                .replace("    colour: green\n", "").replace("language: fr", "language: en");

        var answer = importYaml(rulesOnly);

        List<String> errors = new ArrayList<>();
        answer.getBody().get("errors").forEach(error -> errors.add(error.get("line").asInt() + " "
                + error.get("field").asText()));
        assertThat(errors).contains("15 commitments[1].kind", "28 commitments[3].leadAgencies.MX",
                "29 commitments[3].targetDate");
        assertThat(count("meeting WHERE code = 'TEST-BROKEN-MEETING'")).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TEST-CAT-GOOD").count()).isZero();
    }

    @Test
    void anInvalidMeetingDoesNotHideTheCommitmentsErrors() {
        var answer = importYaml(BROKEN_MEETING);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> errors = new ArrayList<>();
        answer.getBody().get("errors").forEach(error -> errors.add(error.get("line").asInt() + " "
                + error.get("field").asText()));
        assertThat(errors).contains("1 meeting.title", "8 commitments[0].kind", "15 commitments[1].leadAgencies.MX",
                "16 commitments[1].targetDate");
        assertThat(count("meeting WHERE code = 'TEST-BAD-MEETING'")).isZero();
        assertThat(count("commitment WHERE code LIKE 'TEST-CAT-M-%'")).isZero();
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        var answer = importYaml("meeting:\n  code: X\n commitments: [\n");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().at("/errors/0/line").asInt()).isBetween(2, 4);
    }

    private ResponseEntity<JsonNode> importYaml(String yaml) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.withBasicAuth("admin", "demo")
                .postForEntity("/api/catalog", new HttpEntity<>(yaml, headers), JsonNode.class);
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
    }
}
