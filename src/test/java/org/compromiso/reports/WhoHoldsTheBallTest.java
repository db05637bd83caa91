package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Issue 21, read as a chief of staff: the report names the agency that holds the ball, by its name in the reader's
 * language, and a status never contradicts the compliance matrix.
 */
@CompromisoTest
class WhoHoldsTheBallTest {

    private static final String MEETING = "MX-US-2024-01-19";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;

    @Test
    void theReportNamesTheAgencyTheCurrentStepWaitsOnInTheReadersLanguage() {
        String code = unique("TEST-BALL-DARIEN");
        register(code, "darien-joint-visit", Map.of("MX", "sre", "US", "state", "PA", "pamire"), "2030-06-30");
        var propose = tasks.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey("Task_ProposeVisitDates").singleResult();
        assertThat(tasks.createTaskQuery().taskId(propose.getId()).taskCandidateGroup("sre").count()).isOne();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        tasks.complete(propose.getId(), Map.of("proposedFrom", today.plusDays(30).toString(),
                "proposedTo", today.plusDays(32).toString()));
        var panama = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        // the service's days are UTC days (compromiso.time.zone in the tests)
        LocalDate since = panama.getCreateTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();

        JsonNode line = line(report(""), code);
        assertThat(line.get("currentStep").asText()).contains("Panama");
        assertThat(texts(line.get("waitingOn"))).containsExactly("pamire");
        assertThat(line.get("waitingSince").asText()).isEqualTo(since.toString());
        assertThat(line.get("stepsDone").asInt()).isOne();
        assertThat(line.get("stepsKnown").asInt()).as("the visit's ten steps, not the two tasks so far").isEqualTo(10);

        String english = page("");
        assertThat(english).containsPattern("Waits on Ministry of Foreign Affairs of Panama since " + since
                        + " \\([01] days\\)")
                .contains("Ministry of Foreign Affairs of Panama</span>")
                .doesNotContain("PA: pamire", "MX: sre");
        String spanish = page("&lang=es");
        assertThat(spanish).containsPattern("Espera a Ministerio de Relaciones Exteriores de Panamá desde el "
                + since.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " \\([01] días\\)")
                .contains("Confirmar la participación de Panamá").contains("Ministerio de Relaciones Exteriores de Panamá</span>");
    }

    @Test
    void aCommitmentEveryLeadPartyCompliedWithIsDoneAndSaysWhereItsProcessWaits() {
        String code = unique("TEST-BALL-COMPLIED");
        register(code, "agreed-action", Map.of("MX", "sre", "US", "state"), "2024-03-01");
        assertThat(line(report(""), code).get("status").asText()).isEqualTo("OVERDUE");

        assess(code, "MX", 1);
        assertThat(line(report(""), code).get("status").asText())
                .as("one party of two complied").isEqualTo("OVERDUE");

        assess(code, "US", 1);
        JsonNode complied = line(report(""), code);
        assertThat(complied.get("status").asText()).isEqualTo("DONE");
        assertThat(complied.get("compliedByAll").asBoolean()).isTrue();
        assertThat(complied.get("currentStep").asText()).as("the process still waits").isNotBlank();
        assertThat(page("")).contains("Every lead party complied (+1) in the latest assessment by leadership.");

        assess(code, "US", 0);
        assertThat(line(report(""), code).get("status").asText())
                .as("a later, lower score counts").isEqualTo("OVERDUE");
    }

    @Test
    void noCommitmentEveryLeadPartyCompliedWithIsShownOverdue() {
        JsonNode report = report("");
        var complied = new ArrayList<String>();
        report.get("commitments").forEach(line -> {
            if (line.get("compliedByAll").asBoolean()) {
                complied.add(line.get("code").asText());
                assertThat(line.get("status").asText()).as(line.get("code").asText()).isNotEqualTo("OVERDUE");
            }
        });
        assertThat(complied).as("the demo's assessments").contains("MXUS-2401-FENTANYL-SIDELINES");
    }

    private static String unique(String prefix) {
        return DeskRegistrations.unique(prefix);
    }

    private void register(String code, String kind, Map<String, String> leads, String targetDate) {
        DeskRegistrations.register(http, code, kind, leads, targetDate);
    }

    private void assess(String code, String party, int score) {
        var answer = http.withBasicAuth("leadershipReader", "demo").postForEntity(
                "/api/commitments/" + code + "/assessments",
                // a period of this class's own: StatusReportTest reads the demo's 2024 periods
                Map.of("period", "2030-H2", "party", party, "score", score, "rationale", "Test assessment"),
                String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode report(String query) {
        var answer = http.withBasicAuth("leadershipReader", "demo")
                .getForEntity("/reports/status.json?meeting=" + MEETING + query, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String page(String query) {
        return http.withBasicAuth("leadershipReader", "demo")
                .getForObject("/reports/status?meeting=" + MEETING + query, String.class);
    }

    private static JsonNode line(JsonNode report, String code) {
        for (JsonNode line : report.get("commitments")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in the report");
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
