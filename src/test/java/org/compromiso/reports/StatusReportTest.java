package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@CompromisoTest
class StatusReportTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    GreenMail mailServer;

    @Test
    void theDemoCommitmentsHaveTheStatusesTheirDatesGiveThem() {
        JsonNode report = json("/reports/status.json");
        assertThat(status(report, "MXUS-2401-DARIEN-VISIT")).as("target 2024-06-30 passed").isEqualTo("OVERDUE");
        assertThat(status(report, "MXUS-2312-ROOT-CAUSES")).as("continuing, first task due in 14 days").isEqualTo("ON_TRACK");

        String inTenDays = LocalDate.now().plusDays(10).toString();
        assertThat(status(json("/reports/status.json?asOf=" + inTenDays), "MXUS-2312-ROOT-CAUSES"))
                .as("first deadline within 7 days, nothing done").isEqualTo("AT_RISK");
        String inFifteenDays = LocalDate.now().plusDays(15).toString();
        assertThat(status(json("/reports/status.json?asOf=" + inFifteenDays), "MXUS-2312-ROOT-CAUSES"))
                .as("first task past its due date").isEqualTo("OVERDUE");
        long total = 0;
        for (JsonNode count : report.get("counts")) {
            total += count.asLong();
        }
        assertThat(total).isEqualTo(report.get("commitments").size());
        assertThat(report.get("trend")).hasSize(8);
    }

    @Test
    void aFlaggedBlockerPutsACommitmentAtRiskAndItsEvidenceIsListed() {
        var task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-2401-LEGAL-EMPLOYMENT").singleResult();
        var values = new HashMap<String, Object>(Map.of("plan", "Open two more visa categories",
                "plannedCompletion", "2027-01-31", "blocker", true, "blockerNote", "Waiting on the budget",
                "evidenceLink", "https://example.org/plan.pdf"));
        tasks.complete(task.getId(), values);

        var line = line(json("/reports/status.json"), "MXUS-2401-LEGAL-EMPLOYMENT");
        assertThat(line.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(line.get("blockerNote").asText()).isEqualTo("Waiting on the budget");
        assertThat(line.get("evidenceLinks").toString()).contains("https://example.org/plan.pdf");
        assertThat(line.get("stepsDone").asInt()).isEqualTo(1);
        assertThat(json("/reports/status.json").get("blocked").toString()).contains("MXUS-2401-LEGAL-EMPLOYMENT");
    }

    @Test
    void leadershipOverridesAColourOnlyWithACommentAndTheDerivedStatusStaysVisible() {
        var refused = post("leadershipReader", "/api/commitments/MXUS-2401-OTAY-II/status-override",
                Map.of("status", "AT_RISK"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("gsaCoordinator", "/api/commitments/MXUS-2401-OTAY-II/status-override",
                Map.of("status", "AT_RISK", "comment", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var done = post("leadershipReader", "/api/commitments/MXUS-2401-OTAY-II/status-override",
                Map.of("status", "ON_TRACK", "comment", "US building construction began 2025-11-10"));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var line = line(json("/reports/status.json"), "MXUS-2401-OTAY-II");
        assertThat(line.get("status").asText()).isEqualTo("ON_TRACK");
        assertThat(line.get("overrideComment").asText()).contains("2025-11-10");
        assertThat(line.get("derivedStatus").asText()).isNotBlank();
        var history = http.withBasicAuth("admin", "demo").getForObject("/api/commitments/MXUS-2401-OTAY-II", JsonNode.class);
        assertThat(history.get("history").toString()).contains("status-overridden", "2025-11-10");
    }

    @Test
    void assessmentsFillTheComplianceMatrix() {
        var answer = post("leadershipReader", "/api/commitments/MXUS-2401-MEET-GUATEMALA/assessments",
                Map.of("period", "2024-Q1", "party", "MX", "score", 1,
                        "rationale", "The first US-Mexico-Guatemala ministerial took place on 2024-02-28."));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("leadershipReader", "/api/commitments/MXUS-2401-MEET-GUATEMALA/assessments",
                Map.of("period", "2024-Q1", "party", "MX", "score", 2, "rationale", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode report = json("/reports/status.json");
        assertThat(report.get("compliance").toString()).contains("MXUS-2401-MEET-GUATEMALA");
        assertThat(report.at("/partyAverages/MX").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aReportAsOfAMomentDoesNotChangeWhenWorkHappensLater() {
        String at = Instant.now().toString();
        JsonNode before = json("/reports/status.json?at=" + at);

        var task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-2312-CHNV-INITIATIVE").singleResult();
        tasks.complete(task.getId(), Map.of("plan", "p", "plannedCompletion", "2027-01-01", "blocker", true));
        post("deskOfficer", "/api/commitments/MXUS-2312-BORDER-TRADE/cancel", Map.of("reason", "Merged into another"));

        JsonNode after = json("/reports/status.json?at=" + at);
        assertThat(after.get("commitments")).isEqualTo(before.get("commitments"));
        assertThat(after.get("counts")).isEqualTo(before.get("counts"));
        assertThat(status(json("/reports/status.json"), "MXUS-2312-BORDER-TRADE")).isEqualTo("CANCELLED");
    }

    @Test
    void csvAndPdfCarryTheSameCommitmentsAndCounts() throws Exception {
        JsonNode report = json("/reports/status.json");
        String csv = http.withBasicAuth("leadershipReader", "demo").getForObject("/reports/status.csv", String.class);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("code,meeting,title,status");
        assertThat(csv).contains("MXUS-2401-DARIEN-VISIT,MX-US-2024-01-19").contains("OVERDUE");

        var pdf = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("MXUS-2401-DARIEN-VISIT", "MXUS-2401-OTAY-II", "Overdue");
            assertThat(text).contains(String.valueOf(report.at("/counts/OVERDUE").asLong()));
        }
    }

    @Test
    void theReportPageIsInSpanishOnRequestAndACoordinatorSeesOnlyTheirAgency() {
        String page = http.withBasicAuth("leadershipReader", "demo").getForObject("/reports/status?lang=es", String.class);
        assertThat(page).contains("Vencido").contains("MXUS-2401-DARIEN-VISIT").contains("<svg");

        JsonNode gsa = http.withBasicAuth("gsaCoordinator", "demo").getForObject("/reports/status.json", JsonNode.class);
        assertThat(gsa.get("commitments")).isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("leadAgencies").toString()).contains("gsa"));
        assertThat(new TestRestTemplate().getForEntity(http.getRootUri() + "/reports/status.json", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDigestReachesLeadershipWithThePdfAttached() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        var answer = post("leadershipReader", "/api/reports/digest", Map.of());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("leadershipReader");

        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("leadershipreader@compromiso.example");
        var parts = (Multipart) received[0].getContent();
        boolean pdfAttached = false;
        for (int i = 0; i < parts.getCount(); i++) {
            pdfAttached |= parts.getBodyPart(i).getFileName() != null
                    && parts.getBodyPart(i).getFileName().endsWith(".pdf");
        }
        assertThat(pdfAttached).isTrue();
    }

    private JsonNode json(String path) {
        var answer = http.withBasicAuth("leadershipReader", "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode line(JsonNode report, String code) {
        for (JsonNode line : report.get("commitments")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in the report");
    }

    private static String status(JsonNode report, String code) {
        return line(report, code).get("status").asText();
    }

    private org.springframework.http.ResponseEntity<String> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

}
