package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports of the demo catalog as the replay of the record (catalog/DemoRecord) leaves it. Each test changes only commitments no other test
 * of this class reads, so their order does not matter.
 */
@CompromisoTest
class StatusReportTest {

    static final List<String> STATUS_LABELS = List.of("On track", "At risk", "Overdue", "Done", "Not implemented",
            "Cancelled");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatusQuery query;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theDemoCommitmentsHaveTheStatusesTheirDatesGiveThem() {
        JsonNode report = json("/reports/status.json");
        assertThat(status(report, "MXUS-2401-DARIEN-VISIT")).as("target 2024-06-30 passed").isEqualTo("OVERDUE");
        assertThat(status(report, "MXUS-2401-MEET-GUATEMALA")).as("the demo completed its process").isEqualTo("DONE");

        // registered on 2023-12-27, its first task due 14 days later and never done (no public fact)
        assertThat(status(json("/reports/status.json?asOf=2024-01-01"), "MXUS-2312-ROOT-CAUSES"))
                .as("continuing, first task due in 9 days").isEqualTo("ON_TRACK");
        assertThat(status(json("/reports/status.json?asOf=2024-01-05"), "MXUS-2312-ROOT-CAUSES"))
                .as("first deadline within 7 days, nobody claimed it").isEqualTo("AT_RISK");
        assertThat(status(json("/reports/status.json?asOf=2024-01-11"), "MXUS-2312-ROOT-CAUSES"))
                .as("first task past its due date").isEqualTo("OVERDUE");
        assertThat(status(report, "MXUS-2312-ROOT-CAUSES")).isEqualTo("OVERDUE");
        long total = 0;
        for (JsonNode count : report.get("counts")) {
            total += count.asLong();
        }
        assertThat(total).isEqualTo(report.get("commitments").size());
    }

    @Test
    void aReportPlansItsQueriesForTheirValuesWithoutJitWithinItsTransactionOnly() {
        String jit = jdbc.sql("SHOW jit").query(String.class).single();
        // a generic plan made the status report 15 times slower after its fifth run, and JIT compilation made it
        // four times slower on a stock PostgreSQL (README, Performance)
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            query.planForEachRun();
            assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
            assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
        });
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo(jit);
    }

    @Test
    void theTrendCountsEveryCommitmentFromItsMeetingWithTheFactsOfEachWeek() {
        JsonNode report = json("/reports/status.json");
        JsonNode trend = report.get("trend");
        assertThat(trend).hasSize(8);
        LocalDate today = LocalDate.parse(report.get("asOf").asText());
        for (int week = 0; week < 8; week++) {
            JsonNode point = trend.get(week);
            assertThat(point.get("day").asText()).isEqualTo(today.minusWeeks(7 - week).toString());
            long total = 0;
            for (JsonNode count : point.get("counts")) {
                total += count.asLong();
            }
            assertThat(total).as("week %d: every commitment was agreed in 2023 or 2024", week)
                    .isEqualTo(report.get("commitments").size());
        }
        assertThat(trend.get(7).get("counts")).as("this week is the report itself").isEqualTo(report.get("counts"));
        assertThat(trend.get(0).at("/counts/DONE").asLong())
                .as("done in 2024 by the replayed record: both next meetings, Guatemala, the Fentanyl talks").isEqualTo(4);

        JsonNode december = json("/reports/status.json?meeting=MX-US-2023-12-27").get("trend").get(0).get("counts");
        assertThat(december.get("DONE").asLong()).as("the next meeting, held 2024-01-19").isEqualTo(1);
        assertThat(december.get("OVERDUE").asLong())
                .as("the crossings, due 2024-01-31, and the five continuing ones, whose plans were due 2024-01-10")
                .isEqualTo(6);
    }

    @Test
    void theTrendSinceTheFirstMeetingStartsOnItsDayAndGoesOnAMonthApart() {
        JsonNode report = json("/reports/status.json?trend=all");
        LocalDate today = LocalDate.parse(report.get("asOf").asText());
        List<LocalDate> days = new ArrayList<>();
        report.get("trend").forEach(point -> days.add(LocalDate.parse(point.get("day").asText())));

        assertThat(days.get(0)).as("the first meeting").isEqualTo(LocalDate.of(2023, 12, 27));
        assertThat(days.get(days.size() - 1)).isEqualTo(today);
        assertThat(days.get(days.size() - 2)).as("a month apart").isEqualTo(today.minusMonths(1));
        assertThat(report.at("/filter/trendSince").asText()).isEqualTo("2023-12-27");
        JsonNode first = report.get("trend").get(0).get("counts");
        long agreedThen = 0;
        for (JsonNode count : first) {
            agreedThen += count.asLong();
        }
        // other classes may register commitments of their own meetings, some held before: bounds, not a count
        assertThat(agreedThen).as("the December meeting's commitments, agreed that day")
                .isGreaterThanOrEqualTo(json("/reports/status.json?meeting=MX-US-2023-12-27").get("commitments").size())
                .as("fewer than now: January's and later ones were not agreed yet")
                .isLessThan(report.get("commitments").size());

        String page = http.withBasicAuth("leadershipReader", "demo").getForObject("/reports/status?trend=all&lang=es",
                String.class);
        assertThat(page).contains("<option value=\"all\" selected=\"selected\">Desde la primera reunión</option>")
                .contains(">2023-12-27</text>");
        var refused = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.json?trend=years",
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("trend");
    }

    @Test
    void whatChangedSinceAWeekAgoNamesTheStatusOnEachSide() {
        post("deskOfficer", "/api/commitments/MXUS-2401-DEV-PROGRAM/close-as-not-implemented",
                Map.of("justification", "No public disbursement data found"));

        Map<String, String> changes = new HashMap<>();
        for (JsonNode change : json("/reports/status.json").get("changes")) {
            changes.put(change.get("code").asText(), change.path("from").asText("-") + ">" + change.get("to").asText());
        }
        assertThat(changes).containsEntry("MXUS-2401-DEV-PROGRAM", "OVERDUE>NOT_IMPLEMENTED")
                .as("done since 2024-02-28, no change this week").doesNotContainKey("MXUS-2401-MEET-GUATEMALA")
                .doesNotContainKey("MXUS-2401-DARIEN-VISIT");
    }

    @Test
    void theMeetingPartyAndStatusFiltersNarrowTheReport() {
        JsonNode december = json("/reports/status.json?meeting=MX-US-2023-12-27");
        assertThat(codes(december)).contains("MXUS-2312-ROOT-CAUSES", "MXUS-2312-NEXT-MEETING")
                .noneMatch(code -> code.startsWith("MXUS-2401"));
        assertThat(december.get("commitments"))
                .allSatisfy(line -> assertThat(line.get("meetingCode").asText()).isEqualTo("MX-US-2023-12-27"));

        JsonNode panama = json("/reports/status.json?party=PA");
        assertThat(codes(panama)).contains("MXUS-2401-DARIEN-VISIT").doesNotContain("MXUS-2401-OTAY-II");
        assertThat(panama.get("commitments")).allSatisfy(line -> assertThat(line.at("/leadAgencies/PA").isMissingNode()).isFalse());

        JsonNode all = json("/reports/status.json");
        JsonNode overdue = json("/reports/status.json?status=OVERDUE");
        assertThat(overdue.get("commitments")).hasSize(all.at("/counts/OVERDUE").asInt())
                .allSatisfy(line -> assertThat(line.get("status").asText()).isEqualTo("OVERDUE"));
        assertThat(overdue.at("/counts/OVERDUE").asInt()).isEqualTo(all.at("/counts/OVERDUE").asInt());
        assertThat(overdue.at("/counts/ON_TRACK").asInt()).isZero();
    }

    @Test
    void aFlaggedBlockerPutsACommitmentAtRiskAndItsEvidenceIsListed() {
        String code = registerToday("MXUS-TEST-BLOCKED", "segobinm", "state");
        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        var values = new HashMap<String, Object>(Map.of("plan", "Open two more visa categories",
                "plannedCompletion", "2027-01-31", "blocker", true, "blockerNote", "Waiting on the budget",
                "evidenceLink", "https://example.org/plan.pdf"));
        tasks.complete(task.getId(), values);

        var line = line(json("/reports/status.json"), code);
        assertThat(line.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(line.get("blockerNote").asText()).isEqualTo("Waiting on the budget");
        assertThat(line.get("evidenceLinks").toString()).contains("https://example.org/plan.pdf");
        assertThat(line.get("stepsDone").asInt()).isEqualTo(1);
        assertThat(codes(json("/reports/status.json"), "blocked")).contains(code);
    }

    @Test
    void aNearDeadlineRisksOnlyWhileNobodyHasClaimedTheTask() {
        String code = registerToday("MXUS-TEST-NEAR-DEADLINE", "sspc", "dhs");
        String inTenDays = "/reports/status.json?asOf=" + LocalDate.now(org.compromiso.ServiceZone.ZONE).plusDays(10);
        assertThat(status(json(inTenDays), code)).isEqualTo("AT_RISK");

        var task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        tasks.claim(task.getId(), "sspcCoordinator");

        assertThat(status(json(inTenDays), code)).as("claimed: started").isEqualTo("ON_TRACK");
    }

    /** Each row is written on a day of its own far ahead, and the report drawn for the day after. */
    @ParameterizedTest(name = "{0} counts as work: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            registered          | {}                                    | true  | 100
            task-completed      | {"task": "Task_PlanAction"}           | true  | 200
            target-date-changed | {"from": "null", "to": "2030-12-31"}  | true  | 300
            reminder-sent       | {"rule": "before-7d"}                 | false | 400
            escalation-sent     | {"rule": "escalate-desk"}             | false | 500
            assessed            | {"period": "2024-Q1", "party": "MX"}  | false | 600
            status-overridden   | {"status": "ON_TRACK"}                | false | 700
            """)
    void onlyWorkKeepsACommitmentFresh(String action, String detail, boolean work, int daysAhead) {
        String code = "MXUS-2401-GUATEMALA-SUPPORT";
        Instant at = Instant.now().plus(daysAhead, ChronoUnit.DAYS);
        jdbc.sql("""
                        INSERT INTO commitment_history (commitment_id, at, actor, surface, action, detail)
                        SELECT id, ?, 'test', 'system', ?, ?::jsonb FROM commitment WHERE code = ?""")
                .params(Timestamp.from(at), action, detail, code).update();
        LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();

        JsonNode report = json("/reports/status.json?asOf=" + day.plusDays(1));
        LocalDate lastActivity = LocalDate.parse(line(report, code).get("lastActivity").asText());
        if (work) {
            assertThat(lastActivity).isEqualTo(day);
            assertThat(codes(report, "stale")).doesNotContain(code);
        } else {
            assertThat(lastActivity).isBefore(day.minusDays(14));
            assertThat(codes(report, "stale")).contains(code);
        }
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
    void theDemoSeedsAssessmentsFromTheSeedsFacts() {
        JsonNode report = json("/reports/status.json");
        JsonNode darien = compliance(report, "MXUS-2401-DARIEN-VISIT");
        assertThat(darien.at("/scores/MX").asInt()).isEqualTo(-1);
        assertThat(darien.at("/periods/MX").asText()).isEqualTo("2024-H1");
        assertThat(darien.at("/rationales/MX").asText()).contains("No public evidence");
        JsonNode otay = compliance(report, "MXUS-2401-OTAY-II");
        assertThat(otay.at("/scores/US").asInt()).isZero();
        assertThat(otay.at("/rationales/US").asText()).contains("2025-11-10");
        assertThat(compliance(report, "MXUS-2401-MEET-GUATEMALA").at("/rationales/MX").asText()).contains("2024-02-28");

        String page = http.withBasicAuth("leadershipReader", "demo").getForObject("/reports/status", String.class);
        assertThat(page).contains("class=\"score-period\">2024-H1<");
    }

    @Test
    void theComplianceMatrixShowsOnePeriodOnRequest() {
        var answer = post("leadershipReader", "/api/commitments/MXUS-2312-LEGAL-PATHWAYS/assessments",
                Map.of("period", "2024-H2", "party", "MX", "score", 0, "rationale", "Work under way, no result yet."));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("leadershipReader", "/api/commitments/MXUS-2312-LEGAL-PATHWAYS/assessments",
                Map.of("period", "2024-H2", "party", "MX", "score", 2, "rationale", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode secondHalf = json("/reports/status.json?period=2024-H2");
        assertThat(codes(secondHalf, "compliance")).containsExactly("MXUS-2312-LEGAL-PATHWAYS");
        assertThat(secondHalf.at("/partyAverages/MX").asDouble()).isEqualTo(0.0);
        assertThat(secondHalf.at("/partyAverages/US").isNumber()).as("US not assessed in 2024-H2").isFalse();

        JsonNode firstQuarter = json("/reports/status.json?period=2024-Q1");
        var scoredInTheFirstQuarter = List.of("MXUS-2401-MEET-GUATEMALA", "MXUS-2401-NEXT-MEETING",
                "MXUS-2401-FENTANYL-SIDELINES");
        // other classes of the shared context score commitments of their own (TEST-...) in 2024-Q1 too
        assertThat(codes(firstQuarter, "compliance")).containsAll(scoredInTheFirstQuarter)
                .noneMatch(code -> code.startsWith("MXUS-") && !scoredInTheFirstQuarter.contains(code));
        assertThat(firstQuarter.at("/partyAverages/MX").asDouble()).isEqualTo(1.0);

        JsonNode latest = json("/reports/status.json");
        assertThat(compliance(latest, "MXUS-2312-LEGAL-PATHWAYS").at("/periods/MX").asText()).isEqualTo("2024-H2");
        assertThat(codes(latest, "compliance")).contains("MXUS-2401-DARIEN-VISIT", "MXUS-2312-LEGAL-PATHWAYS");

        var wrong = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.json?period=Q1", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("\"field\":\"period\"");
    }

    @Test
    void aCoordinatorReadsOnlyTheAssessmentsOfTheirAgenciesCommitments() {
        var other = http.withBasicAuth("gsaCoordinator", "demo")
                .getForEntity("/api/commitments/MXUS-2401-DARIEN-VISIT/assessments", String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var own = http.withBasicAuth("sreCoordinator", "demo")
                .getForEntity("/api/commitments/MXUS-2401-DARIEN-VISIT/assessments", JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().toString()).contains("No public evidence");
    }

    @Test
    void aReportAsOfAMomentDoesNotChangeWhenWorkHappensLater() {
        String at = "/reports/status.json?at=" + Instant.now();
        JsonNode before = json(at);
        assertThat(line(before, "MXUS-2312-BORDER-CROSSINGS").get("targetDate").asText()).isEqualTo("2024-01-31");
        String arms = "MXUS-2401-ARMS-PEOPLE-TRAFFICKING";
        String armsDeadline = line(before, arms).get("nextDeadline").asText();

        var task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-2312-CHNV-INITIATIVE").singleResult();
        tasks.complete(task.getId(), Map.of("plan", "p", "plannedCompletion", "2027-01-01", "blocker", true));
        post("deskOfficer", "/api/commitments/MXUS-2312-BORDER-TRADE/cancel", Map.of("reason", "Merged into another"));
        var moved = http.withBasicAuth("deskOfficer", "demo").exchange("/api/commitments/MXUS-2312-BORDER-CROSSINGS/target-date",
                HttpMethod.PUT, new HttpEntity<>(Map.of("targetDate", "2030-01-31", "reason", "Agreed at the next round"),
                        jsonHeaders()), String.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        var plan = tasks.createTaskQuery().processInstanceBusinessKey(arms).singleResult();
        LocalDate yesterday = LocalDate.now(org.compromiso.ServiceZone.ZONE).minusDays(1);
        plan.setDueDate(Date.from(yesterday.atStartOfDay(org.compromiso.ServiceZone.ZONE).toInstant()));
        tasks.saveTask(plan);

        JsonNode now = json("/reports/status.json");
        assertThat(status(now, "MXUS-2312-BORDER-TRADE")).isEqualTo("CANCELLED");
        assertThat(line(now, "MXUS-2312-BORDER-CROSSINGS").get("targetDate").asText()).isEqualTo("2030-01-31");
        assertThat(line(now, arms).get("nextDeadline").asText()).isEqualTo(yesterday.toString());
        assertThat(status(now, arms)).isEqualTo("OVERDUE");

        JsonNode after = json(at);
        assertThat(line(after, arms).get("nextDeadline").asText()).isEqualTo(armsDeadline);
        assertThat(status(after, "MXUS-2312-BORDER-CROSSINGS")).isEqualTo("OVERDUE");
        assertThat(after).as("the whole report, its trend and changes included").isEqualTo(before);
    }

    @Test
    void csvAndPdfCarryTheSameCommitmentsAndCounts() throws Exception {
        JsonNode report = json("/reports/status.json");
        String csv = http.withBasicAuth("leadershipReader", "demo").getForObject("/reports/status.csv", String.class);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("code,meeting,title,status");
        Map<String, Map<String, String>> rows = csvRows(csv);
        assertThat(rows).hasSize(report.get("commitments").size());
        assertThat(rows.get("MXUS-2401-DARIEN-VISIT")).containsEntry("meeting", "MX-US-2024-01-19")
                .containsEntry("status", "OVERDUE").containsEntry("targetDate", "2024-06-30");
        for (JsonNode line : report.get("commitments")) {
            assertThat(rows.get(line.get("code").asText())).as(line.get("code").asText())
                    .containsEntry("status", line.get("status").asText());
        }

        var pdf = http.withBasicAuth("leadershipReader", "demo").getForEntity("/reports/status.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("MXUS-2401-DARIEN-VISIT", "MXUS-2401-OTAY-II");
            List<String> tiles = new ArrayList<>();
            String[] statuses = {"ON_TRACK", "AT_RISK", "OVERDUE", "DONE", "NOT_IMPLEMENTED", "CANCELLED"};
            for (int i = 0; i < statuses.length; i++) {
                tiles.add(report.at("/counts/" + statuses[i]).asLong() + " " + STATUS_LABELS.get(i));
            }
            assertThat(tilesOf(text)).as("the count tiles").isEqualTo(tiles);
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
    void theDigestReachesLeadershipWithThePdfAttachedAndTheCountsInItsBody() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        JsonNode report = json("/reports/status.json");
        var answer = post("leadershipReader", "/api/reports/digest", Map.of());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("leadershipReader");

        // reminders of the demo's tasks may arrive meanwhile (the sender runs on its own schedule): digests only
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            if (message.getSubject().startsWith("[Compromiso] Weekly status of the commitments")) {
                received.add(message);
            }
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo("leadershipreader@compromiso.example");
        assertThat(DigestMail.pdfText(received.get(0))).contains("MXUS-2401-DARIEN-VISIT");
        assertThat(DigestMail.body(received.get(0))).as("who holds the ball on an overdue commitment")
                .containsPattern("Waits on [A-Z][^\\n]+ since \\d{4}-\\d{2}-\\d{2} \\(\\d+ days\\)");
        assertThat(DigestMail.body(received.get(0))).contains(DigestMail.summary(report.get("counts")))
                .contains("MXUS-2401-DARIEN-VISIT  Carry out a joint visit to the Darién with Panama");
    }

    private JsonNode json(String path) {
        var answer = http.withBasicAuth("leadershipReader", "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** The report's line of that commitment. */
    static JsonNode line(JsonNode report, String code) {
        for (JsonNode line : report.get("commitments")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in the report");
    }

    private static JsonNode compliance(JsonNode report, String code) {
        for (JsonNode line : report.get("compliance")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError(code + " not in the compliance matrix");
    }

    private static String status(JsonNode report, String code) {
        return line(report, code).get("status").asText();
    }

    private static List<String> codes(JsonNode report) {
        return codes(report, "commitments");
    }

    private static List<String> codes(JsonNode report, String section) {
        var codes = new ArrayList<String>();
        report.get(section).forEach(line -> codes.add(line.get("code").asText()));
        return codes;
    }

    /** The count tiles at the top of the PDF, "n label" each, in the order of the statuses. */
    private static List<String> tilesOf(String text) {
        var tiles = new ArrayList<String>();
        var lines = text.lines().map(String::strip).toList();
        for (int i = 0; i + 1 < lines.size() && tiles.size() < STATUS_LABELS.size(); i++) {
            if (lines.get(i).matches("[0-9]+") && lines.get(i + 1).equals(STATUS_LABELS.get(tiles.size()))) {
                tiles.add(lines.get(i) + " " + lines.get(i + 1));
            }
        }
        return tiles;
    }

    private static Map<String, Map<String, String>> csvRows(String csv) throws Exception {
        var rows = new HashMap<String, Map<String, String>>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(row -> rows.put(row.get("code"), row));
        }
        return rows;
    }

    private static HttpHeaders jsonHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /**
     * A continuing commitment of the test's own, registered today: the demo's were registered in 2023 and 2024 and
     * their first deadlines are long past.
     */
    private String registerToday(String code, String leadMX, String leadUS) {
        assertThat(post("deskOfficer", "/api/commitments", Map.of("code", code, "meetingCode", "MX-US-2024-01-19",
                "title", "A continuing action registered today", "kind", "agreed-action",
                "leadAgencies", Map.of("MX", leadMX, "US", leadUS), "continuing", true,
                "provenance", Map.of("document", "001_ae9539afecd76ba5.txt", "quote", "A test", "language", "en")))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class);
    }

}
