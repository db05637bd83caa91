package org.compromiso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.CompromisoTest;
import org.compromiso.ServiceZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo on an empty database replays the record (DemoRecord): each commitment is where the dated facts of the
 * seeds put it, as of today and as of the days in 2024 the report is asked about. Reads only.
 */
@CompromisoTest
class DemoReplayTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void nextMeetingsAreDoneOnTheDaysOfTheirMeetingsWithTheirOutcomesRegistered() {
        assertThat(status("2024-01-18", "MXUS-2312-NEXT-MEETING")).isNotEqualTo("DONE");
        assertThat(status("2024-01-19", "MXUS-2312-NEXT-MEETING")).isEqualTo("DONE");
        assertThat(status("2024-02-05", "MXUS-2401-NEXT-MEETING")).isNotEqualTo("DONE");
        assertThat(status("2024-02-07", "MXUS-2401-NEXT-MEETING")).isEqualTo("DONE");
        assertThat(status(today(), "MXUS-2312-NEXT-MEETING")).isEqualTo("DONE");
        assertThat(status(today(), "MXUS-2401-NEXT-MEETING")).isEqualTo("DONE");

        // the outcomes recorded in Task_RecordOutcomes became commitments of the meeting held, through the process
        assertThat(line(report("2024-01-19"), "MXUS-2312-NEXT-MEETING-O1").get("meetingCode").asText())
                .isEqualTo("MX-US-2024-01-19");
        assertThat(line(report("2024-02-07"), "MXUS-2401-NEXT-MEETING-O1").get("meetingCode").asText())
                .isEqualTo("MX-US-2024-02-06");
        assertThat(codes(report("2024-02-05"))).doesNotContain("MXUS-2401-NEXT-MEETING-O1");
        // the January catalog's commitments are the outcomes of the meeting December's process prepared: the desk's
        // record, registered by that process when SRE completed Record outcomes, on the day of the meeting
        for (String code : List.of("MXUS-2401-DARIEN-VISIT", "MXUS-2401-OTAY-II", "MXUS-2401-NEXT-MEETING")) {
            JsonNode registered = entry(code, "registered");
            assertThat(day(registered)).as(code).isEqualTo("2024-01-19");
            assertThat(registered.get("actor").asText() + " via " + registered.get("surface").asText()).as(code)
                    .isEqualTo("demo-catalog via engine");
        }
        assertThat(codes(report("2024-01-18"))).doesNotContain("MXUS-2401-DARIEN-VISIT");
        JsonNode recorded = completion("MXUS-2312-NEXT-MEETING", "Task_RecordOutcomes");
        assertThat(day(recorded)).isEqualTo("2024-01-19");
        assertThat(recorded.at("/detail/values/evidenceNote").asText())
                .contains("MXUS-2401-DARIEN-VISIT", "MXUS-2401-OTAY-II", "mx-us-2024-01-19.yaml");
        assertThat(day(entry("MXUS-2312-NEXT-MEETING-O1", "registered"))).isEqualTo("2024-01-19");
        assertThat(entry("MXUS-2312-NEXT-MEETING-O1", "registered").get("actor").asText()).isEqualTo("sreCoordinator");
        assertThat(day(entry("MXUS-2401-NEXT-MEETING-O1", "registered"))).isEqualTo("2024-02-07");
    }

    @Test
    void guatemalaIsDoneOnTheDayOfTheMinisterialCitingItsSource() {
        assertThat(status("2024-02-27", "MXUS-2401-MEET-GUATEMALA")).isNotEqualTo("DONE");
        assertThat(status("2024-02-28", "MXUS-2401-MEET-GUATEMALA")).isEqualTo("DONE");
        JsonNode verified = completion("MXUS-2401-MEET-GUATEMALA", "Task_VerifyCompletion");
        assertThat(day(verified)).isEqualTo("2024-02-28");
        assertThat(verified.at("/detail/values/evidenceLink").asText()).isEqualTo("https://www.losangelesdeclaration.com");
        assertThat(verified.at("/detail/values/verificationNote").asText()).contains("2024-02-28");
    }

    @Test
    void theDarienRunsOverdueWithItsEscalationsInItsHistory() {
        assertThat(status("2024-01-25", "MXUS-2401-DARIEN-VISIT")).isNotEqualTo("OVERDUE");
        assertThat(status("2024-07-01", "MXUS-2401-DARIEN-VISIT")).isEqualTo("OVERDUE");
        assertThat(status(today(), "MXUS-2401-DARIEN-VISIT")).isEqualTo("OVERDUE");
        assertThat(line(report(today()), "MXUS-2401-DARIEN-VISIT").get("currentStep").asText())
                .isEqualTo("Propose visit dates");
        var escalations = entries("MXUS-2401-DARIEN-VISIT", "escalation-sent").stream().map(DemoReplayTest::day).toList();
        assertThat(escalations).as("3 and 7 days after the step's due date, 2024-02-02").containsExactly(
                "2024-02-05", "2024-02-09");
        assertThat(entries("MXUS-2401-DARIEN-VISIT", "reminder-sent").stream().map(DemoReplayTest::day).toList())
                .containsExactly("2024-01-26", "2024-01-31", "2024-02-02");
    }

    @Test
    void otayStaysOpenWithItsDatedProgress() {
        assertThat(status(today(), "MXUS-2401-OTAY-II")).isNotEqualTo("DONE");
        assertThat(day(completion("MXUS-2401-OTAY-II", "Task_ConfirmScopeAndOwners"))).isEqualTo("2025-01-10");
        JsonNode us = completion("MXUS-2401-OTAY-II", "Task_UsProgressUpdate");
        assertThat(day(us)).isEqualTo("2025-11-10");
        assertThat(us.at("/detail/values/usProgressSummary").asText()).contains("began on 2025-11-10");
        JsonNode mexican = completion("MXUS-2401-OTAY-II", "Task_MexicanProgressUpdate");
        assertThat(day(mexican)).isEqualTo("2025-11-10");
        // no percentage is published for either side: none is invented
        assertThat(us.at("/detail/values").has("usPercentComplete")).isFalse();
        assertThat(mexican.at("/detail/values").has("mxPercentComplete")).isFalse();
    }

    @Test
    void returningToTodayMailsNothingAboutThePast() {
        // the Darién's five reminders were mailed on their days in 2024; no other reminder of the replayed past was
        // written, then or when the clock returned (other classes of the shared context remind of tasks of their own)
        assertThat(jdbc.sql("SELECT rule FROM reminder WHERE commitment_code = ? AND state = 'sent' ORDER BY fire_at")
                .param("MXUS-2401-DARIEN-VISIT").query(String.class).list())
                .containsExactly("before-7d", "before-2d", "due", "escalate-supervisors", "escalate-desk");
        long mails = jdbc.sql("SELECT sum(cardinality(sent_messages)) FROM reminder WHERE commitment_code = ?")
                .param("MXUS-2401-DARIEN-VISIT").query(Long.class).single();
        assertThat(mails).as("one mail per language of each reminder's recipients (6 measured)").isBetween(5L, 10L);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE fire_at < now() - interval '300 days'")
                .query(Long.class).single()).as("reminders of the replayed past").isEqualTo(5);
    }

    private JsonNode report(String asOf) {
        var answer = http.withBasicAuth("leadershipReader", "demo")
                .getForEntity("/reports/status.json?asOf=" + asOf, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String status(String asOf, String code) {
        return line(report(asOf), code).get("status").asText();
    }

    private static JsonNode line(JsonNode report, String code) {
        for (JsonNode line : report.get("commitments")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in the report");
    }

    private static List<String> codes(JsonNode report) {
        var codes = new ArrayList<String>();
        report.get("commitments").forEach(line -> codes.add(line.get("code").asText()));
        return codes;
    }

    private List<JsonNode> entries(String code, String action) {
        var detail = http.withBasicAuth("deskOfficer", "demo").getForObject("/api/commitments/" + code, JsonNode.class);
        var found = new ArrayList<JsonNode>();
        detail.get("history").forEach(entry -> {
            if (entry.get("action").asText().equals(action)) {
                found.add(entry);
            }
        });
        return found;
    }

    private JsonNode entry(String code, String action) {
        var found = entries(code, action);
        assertThat(found).as(code + " " + action).hasSize(1);
        return found.get(0);
    }

    private JsonNode completion(String code, String taskKey) {
        return entries(code, "task-completed").stream()
                .filter(entry -> taskKey.equals(entry.at("/detail/task").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(code + " has no completion of " + taskKey));
    }

    private static String day(JsonNode entry) {
        return entry.get("at").asText().substring(0, 10);
    }

    private static String today() {
        return LocalDate.now(ServiceZone.ZONE).toString();
    }
}
