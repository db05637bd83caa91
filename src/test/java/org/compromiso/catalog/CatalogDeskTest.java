package org.compromiso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The desk's side of issue 20: one answer with every error, corrections, encodings, parties, meetings alone. */
@CompromisoTest
class CatalogDeskTest {

    /** What an import may write: every count must stay when a file is refused. */
    // the system's own entries (reminders sent, tasks released) are written by the engine's jobs at any moment
    private static final List<String> TABLES = List.of("meeting", "meeting_source", "meeting_delegate",
            "meeting_history", "commitment", "commitment_agency", "commitment_history WHERE actor <> 'system'",
            "party");

    // line numbers below are part of the test: keep the layout
    private static final String FIVE_ERRORS = """
            meeting:
              code: TEST-FIVE-MEETING
              title: A round with five mistakes
              heldOn: 2024-03-01
              place: Mexico City
            commitments:
              - code: TEST-FIVE-REG-AGENCY
                title: A registered action with a new title
                kind: agreed-action
                leadAgencies: {MX: nobody}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "We agree.", language: en}
              - code: TEST-FIVE-REG-EARLY
                title: Another registered action
                kind: agreed-action
                leadAgencies: {MX: sre, US: state}
                targetDate: 2020-01-01
                provenance: {document: test.txt, quote: "We agree.", language: en}
              - code: TEST-FIVE-NEW-DATE
                title: A new action with a date in another format
                kind: agreed-action
                leadAgencies: {MX: sre}
                targetDate: 30/06/2024
                provenance: {document: test.txt, quote: "Soon.", language: en}
              - code: TEST-FIVE-NEW-KIND
                title: A new action of an unknown kind
                kind: teleportation
                leadAgencies: {MX: sre}
                targetDate: 2024-06-30
                provenance: {document: test.txt, quote: "Beam us.", language: en}
              - code: TEST-FIVE-NEW-FIELD
                title: A new action with a field the catalog does not have
                kind: agreed-action
                leadAgencies: {MX: sre}
                targetDate: 2024-06-30
                colour: green
                provenance: {document: test.txt, quote: "Green.", language: en}
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogImport catalog;

    @Test
    void fiveErrorsTwoOfThemInRegisteredCommitmentsComeInOneAnswerAndWriteNothing() {
        ok(importYaml(meeting("TEST-FIVE-MEETING", "A round with five mistakes", "Mexico City")
                + commitment("TEST-FIVE-REG-AGENCY", "A registered action", "2024-06-30")
                + commitment("TEST-FIVE-REG-EARLY", "Another registered action", "2024-06-30")));
        var before = counts();

        var answer = importYaml(FIVE_ERRORS);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(answer)).containsExactlyInAnyOrder(
                "10 commitments[0].leadAgencies.MX: unknown agency 'nobody'",
                "17 commitments[1].targetDate: must not be before the meeting (2024-03-01)",
                "23 commitments[2].targetDate: must be a date written as YYYY-MM-DD, such as 2024-06-30",
                "27 commitments[3].kind: unknown kind 'teleportation'; known kinds: " + knownKinds(),
                "36 commitments[4].colour: unknown field 'colour'; the fields here are code, continuing,"
                        + " contributingAgencies, description, kind, leadAgencies, meetingCode, priority, provenance,"
                        + " targetBasis, targetDate, title, titleEs");
        assertThat(counts()).isEqualTo(before);
        assertThat(title("TEST-FIVE-REG-AGENCY")).isEqualTo("A registered action");
    }

    /** The kinds deployed when the file is read: the demo's four and any a test deployed before, as GET /api/kinds lists them. */
    private String knownKinds() {
        var kinds = new ArrayList<String>();
        http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/kinds", JsonNode.class).getBody()
                .forEach(kind -> kinds.add(kind.get("code").asText()));
        assertThat(kinds).contains("agreed-action", "darien-joint-visit", "next-meeting", "otay-crossing");
        return String.join(", ", kinds.stream().sorted().toList());
    }

    @Test
    void aCorrectedTitleTargetDateAndMeetingPlaceAreAppliedAndShowInTheHistory() {
        ok(importYaml(meeting("TEST-FIX-MEETING", "A round", "Mexico City")
                + commitment("TEST-FIX-ONE", "Coordinate the visit", "2024-06-30")));

        var answer = importYaml(meeting("TEST-FIX-MEETING", "A round", "National Palace, Mexico City")
                + commitment("TEST-FIX-ONE", "Coordinate the joint visit", "2024-09-30"));

        ok(answer);
        assertThat(answer.getBody().get("corrected").toString()).contains(
                "{\"code\":\"TEST-FIX-MEETING\",\"field\":\"meeting.place\",\"from\":\"Mexico City\","
                        + "\"to\":\"National Palace, Mexico City\"}",
                "{\"code\":\"TEST-FIX-ONE\",\"field\":\"title\",\"from\":\"Coordinate the visit\","
                        + "\"to\":\"Coordinate the joint visit\"}",
                "{\"code\":\"TEST-FIX-ONE\",\"field\":\"targetDate\",\"from\":\"2024-06-30\",\"to\":\"2024-09-30\"}");
        JsonNode commitment = admin().getForEntity("/api/commitments/TEST-FIX-ONE", JsonNode.class).getBody();
        assertThat(commitment.at("/commitment/title").asText()).isEqualTo("Coordinate the joint visit");
        assertThat(commitment.at("/commitment/targetDate").asText()).isEqualTo("2024-09-30");
        var history = new ArrayList<String>();
        commitment.get("history").forEach(entry -> history.add(entry.get("action").asText() + " "
                + entry.at("/detail/field").asText() + " " + entry.at("/detail/from").asText() + " -> "
                + entry.at("/detail/to").asText() + " (" + entry.get("surface").asText() + ": "
                + entry.path("reason").asText() + ")"));
        assertThat(history).contains(
                "corrected title Coordinate the visit -> Coordinate the joint visit (catalog: corrected by a catalog import)",
                "target-date-changed  2024-06-30 -> 2024-09-30 (catalog: corrected by a catalog import)");
        assertThat(admin().getForEntity("/api/meetings/TEST-FIX-MEETING", JsonNode.class).getBody().get("place")
                .asText()).isEqualTo("National Palace, Mexico City");
        assertThat(jdbc.sql("""
                        SELECT h.detail ->> 'field' FROM meeting_history h JOIN meeting m ON m.id = h.meeting_id
                        WHERE m.code = 'TEST-FIX-MEETING'""").query(String.class).list()).containsExactly("place");

        var again = importYaml(meeting("TEST-FIX-MEETING", "A round", "National Palace, Mexico City")
                + commitment("TEST-FIX-ONE", "Coordinate the joint visit", "2024-09-30"));
        assertThat(again.getBody().get("corrected")).isEmpty();
        assertThat(again.getBody().get("unchanged").toString()).contains("TEST-FIX-ONE");
    }

    @Test
    void theDemoSeedsCheckANewCommitmentAgainstTheMeetingAsTheDeskMovedIt() {
        ok(importYaml(meeting("TEST-MOVED-MEETING", "A round", "Washington")
                .replace("heldOn: 2024-03-01", "heldOn: 2024-05-01")
                + commitment("TEST-MOVED-ONE", "Registered after the move", "2024-06-30")));
        var before = counts();

        // the seed still says 2024-03-01: a target date in April is before the meeting as it was held
        var seed = meeting("TEST-MOVED-MEETING", "A round", "Washington")
                + commitment("TEST-MOVED-ONE", "Registered after the move", "2024-06-30")
                + commitment("TEST-MOVED-TWO", "Due before the meeting", "2024-04-15");
        assertThatThrownBy(() -> catalog.registerMissing(seed, new org.compromiso.commitments.Actor("demo-catalog",
                "catalog"))).isInstanceOfSatisfying(CatalogRejectedException.class, rejected ->
                        assertThat(rejected.errors().toString()).contains("must not be before the meeting (2024-05-01)"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theDemoSeedsRegisterWhatIsMissingAndUndoNoCorrection() {
        String seed = meeting("TEST-SEED-MEETING", "A round", "Washington")
                + commitment("TEST-SEED-ONE", "As the seed has it", "2024-06-30");
        ok(importYaml(seed));
        ok(importYaml(seed.replace("As the seed has it", "As the desk corrected it").replace("Washington", "Ottawa")));

        var restart = catalog.registerMissing(seed + commitment("TEST-SEED-TWO", "New in the seed", "2024-06-30"),
                new org.compromiso.commitments.Actor("demo-catalog", "catalog"));

        assertThat(restart.registered()).containsExactly("TEST-SEED-TWO");
        assertThat(restart.corrected()).isEmpty();
        assertThat(title("TEST-SEED-ONE")).isEqualTo("As the desk corrected it");
        assertThat(jdbc.sql("SELECT place FROM meeting WHERE code = 'TEST-SEED-MEETING'").query(String.class).single())
                .isEqualTo("Ottawa");
    }

    @Test
    void aMeetingCodeRegisteredWithAnotherTitleIsCorrectedNotSilentlyReused() {
        ok(importYaml(meeting("TEST-RETITLE-MEETING", "First title", "Washington")));

        var answer = importYaml(meeting("TEST-RETITLE-MEETING", "Second title", "Washington"));

        ok(answer);
        assertThat(answer.getBody().get("meetingCreated").asBoolean()).isFalse();
        assertThat(answer.getBody().at("/corrected/0/field").asText()).isEqualTo("meeting.title");
        assertThat(admin().getForEntity("/api/meetings/TEST-RETITLE-MEETING", JsonNode.class).getBody()
                .get("title").asText()).isEqualTo("Second title");
    }

    @Test
    void changingTheLeadAgenciesOfARegisteredCommitmentIsRefusedWithTheReason() {
        ok(importYaml(meeting("TEST-LEAD-MEETING", "A round", "Washington")
                + commitment("TEST-LEAD-ONE", "An action", "2024-06-30")));
        var before = counts();

        var answer = importYaml(meeting("TEST-LEAD-MEETING", "A round", "Washington")
                + commitment("TEST-LEAD-ONE", "An action, retitled", "2024-06-30").replace("US: state", "US: dhs"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(answer)).singleElement().asString()
                .startsWith("10 commitments[0].leadAgencies: cannot change by a correction");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCorrectionIsRefusedWhereTheRegisteredRecordsRulesForbidIt() {
        ok(importYaml(meeting("TEST-RULES-MEETING", "A round", "Washington")
                + commitment("TEST-RULES-CLOSED", "An action", "2024-06-30")));
        assertThat(admin().postForEntity("/api/commitments/TEST-RULES-CLOSED/cancel",
                Map.of("reason", "Superseded"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        var before = counts();

        var closed = importYaml(meeting("TEST-RULES-MEETING", "A round", "Washington")
                + commitment("TEST-RULES-CLOSED", "An action", "2024-09-30"));
        var moved = importYaml(meeting("TEST-RULES-OTHER", "Another round", "Washington")
                + commitment("TEST-RULES-CLOSED", "An action", "2024-06-30"));
        var later = importYaml(meeting("TEST-RULES-MEETING", "A round", "Washington")
                .replace("heldOn: 2024-03-01", "heldOn: 2024-07-15"));

        assertThat(errors(closed)).containsExactly("11 commitments[0].targetDate: only an open commitment changes"
                + " its target date; this one is cancelled");
        assertThat(errors(moved)).containsExactly("7 commitments[0].code: is registered in the meeting"
                + " TEST-RULES-MEETING; a commitment does not move to another meeting");
        assertThat(errors(later)).containsExactly("4 meeting.heldOn: cannot move to 2024-07-15: the meeting's"
                + " commitments have target dates from 2024-06-30");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aWindows1252FileIsRefusedWithTheLineOfItsFirstAccentAndStoresNothing() throws Exception {
        byte[] file = new ClassPathResource("catalog-files/windows-1252.yaml").getContentAsByteArray();
        var before = counts();

        var answer = importBytes(file, MediaType.parseMediaType("application/yaml"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(answer.getBody().at("/errors/0/reason").asText())
                .startsWith("the file is not in UTF-8: line 3 has the byte 0xF3");
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM commitment WHERE title LIKE '%\uFFFD%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aWindows1252FileWithItsDeclaredCharsetIsDecodedCorrectly() throws Exception {
        byte[] file = new ClassPathResource("catalog-files/windows-1252.yaml").getContentAsByteArray();

        var answer = importBytes(file, new MediaType("application", "yaml", Charset.forName("windows-1252")));

        ok(answer);
        assertThat(title("TEST-CP1252-ONE")).isEqualTo("Coordinación de la visita");
        assertThat(jdbc.sql("SELECT title FROM meeting WHERE code = 'TEST-CP1252-MEETING'").query(String.class)
                .single()).isEqualTo("Reunión de coordinación");
    }

    @Test
    void anUploadIsDecodedByTheCharsetOfItsPart() throws Exception {
        byte[] file = new ClassPathResource("catalog-files/windows-1252.yaml").getContentAsByteArray();
        var part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType("application/yaml; charset=windows-1252"));
        part.setContentDispositionFormData("file", "windows-1252.yaml");
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("file", new HttpEntity<>(file, part));

        var answer = http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/catalog", body, JsonNode.class);

        ok(answer);
        assertThat(title("TEST-CP1252-ONE")).isEqualTo("Coordinación de la visita");
    }

    @Test
    void textDamagedByAnEarlierConversionIsRefused() {
        var answer = importYaml(meeting("TEST-FFFD-MEETING", "Coordinaci\uFFFDn", "Mexico City"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(count("meeting WHERE code = 'TEST-FFFD-MEETING'")).isZero();
    }

    @Test
    void canadaIsNamedInACatalogOnlyAfterAnAdministratorAddsIt() {
        String fentanylCommittee = meeting("TEST-FENTANYL-2024-02-07", "Trilateral Fentanyl Committee",
                "National Palace, Mexico City").replace("commitments:\n", """
                  delegations:
                    CA: [{name: Canada's delegation, role: Delegation}]
                    MX: [{name: Mexico's delegation, role: Delegation}]
                """);

        var unknown = importYaml(fentanylCommittee);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).containsExactly("7 meeting.delegations.CA: unknown party 'CA': an administrator"
                + " adds it first (POST /api/parties)");

        var canada = Map.of("code", "CA", "nameEn", "Canada", "nameEs", "Canadá");
        assertThat(http.withBasicAuth("deskOfficer", "demo").postForEntity("/api/parties", canada, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin().postForEntity("/api/parties", canada, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(admin().postForEntity("/api/parties", canada, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/parties", String.class).getBody())
                .contains("{\"code\":\"CA\",\"nameEn\":\"Canada\",\"nameEs\":\"Canadá\"}");

        ok(importYaml(fentanylCommittee));
        assertThat(admin().getForEntity("/api/meetings/TEST-FENTANYL-2024-02-07", JsonNode.class).getBody()
                .at("/delegations/CA/0/name").asText()).isEqualTo("Canada's delegation");
    }

    @Test
    void anUnknownPartyInTheApiIsA400NamingIt() {
        var answer = admin().postForEntity("/api/commitments", Map.of("code", "TEST-ZZ-PARTY",
                "meetingCode", "MX-US-2024-01-19", "title", "An action", "kind", "agreed-action",
                "leadAgencies", Map.of("ZZ", "sre"), "targetDate", "2024-06-30",
                "provenance", Map.of("document", "test.txt", "quote", "We agree.", "language", "en")), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("leadAgencies.ZZ");
        assertThat(answer.getBody().at("/errors/0/reason").asText()).startsWith("unknown party 'ZZ'");
    }

    @Test
    void anEmptyFileIsCalledEmpty() {
        for (String empty : List.of("", "   \n", "# only a comment\n")) {
            var answer = importYaml(empty);
            assertThat(answer.getStatusCode()).as("'" + empty + "'").isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().at("/errors/0/reason").asText()).as("'" + empty + "'")
                    .isEqualTo("the file is empty");
        }
    }

    @Test
    void syntaxErrorsAreExplainedInPlainWordsWithTheirLine() {
        var colon = importYaml(meeting("TEST-COLON-MEETING", "Talks: the second round", "Washington"));

        assertThat(colon.getBody().at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(colon.getBody().at("/errors/0/reason").asText())
                .isEqualTo("a value contains a colon followed by a space: put the whole value in quotes");
    }

    @Test
    void aMeetingOfTwoDaysIsRecordedAlone() {
        var answer = importYaml(meeting("TEST-ALONE-MEETING", "Further round", "Mexico City")
                .replace("commitments:\n", "  endsOn: 2024-03-02\n"));

        ok(answer);
        assertThat(answer.getBody().get("meetingCreated").asBoolean()).isTrue();
        JsonNode meeting = admin().getForEntity("/api/meetings/TEST-ALONE-MEETING", JsonNode.class).getBody();
        assertThat(meeting.get("heldOn").asText()).isEqualTo("2024-03-01");
        assertThat(meeting.get("endsOn").asText()).isEqualTo("2024-03-02");

        var backwards = importYaml(meeting("TEST-BACKWARDS-MEETING", "Further round", "Mexico City")
                .replace("commitments:\n", "  endsOn: 2024-02-28\n"));
        assertThat(errors(backwards)).containsExactly("6 meeting.endsOn: must be on or after heldOn, at most 31 days later");
    }

    @Test
    void anAnonymousImportIsAskedToLogIn() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var answer = new TestRestTemplate().exchange(http.getRootUri() + "/api/catalog", HttpMethod.POST,
                new HttpEntity<>(meeting("TEST-ANONYMOUS-MEETING", "A round", "Washington"), headers), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Compromiso\"");
        assertThat(count("meeting WHERE code = 'TEST-ANONYMOUS-MEETING'")).isZero();
    }

    @Test
    void theSchemaDescribesEveryFieldAndTheOpenApiDescriptionPointsToIt() {
        JsonNode schema = http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/catalog/schema", JsonNode.class)
                .getBody();

        var undescribed = new ArrayList<String>();
        schema.findParents("properties").forEach(parent -> parent.get("properties").fields().forEachRemaining(
                field -> {
                    if (!field.getValue().has("description") && !field.getValue().has("$ref")) {
                        undescribed.add(field.getKey());
                    }
                }));
        assertThat(undescribed).isEmpty();
        assertThat(schema.at("/$defs/meeting/properties").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                fieldsOf(org.compromiso.meetings.Meeting.class));
        assertThat(schema.at("/$defs/commitment/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(fieldsOf(org.compromiso.commitments.NewCommitment.class).stream()
                        .filter(field -> !field.equals("meetingCode")).toList());
        assertThat(http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/openapi", String.class).getBody())
                .contains("/api/catalog/schema");
    }

    private static List<String> fieldsOf(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }

    static String meeting(String code, String title, String place) {
        return "meeting:\n  code: " + code + "\n  title: " + title + "\n  heldOn: 2024-03-01\n  place: " + place
                + "\ncommitments:\n";
    }

    static String commitment(String code, String title, String targetDate) {
        return "  - code: " + code + "\n    title: " + title + "\n    kind: agreed-action\n"
                + "    leadAgencies: {MX: sre, US: state}\n    targetDate: " + targetDate + "\n"
                + "    provenance: {document: test.txt, quote: \"We agree.\", language: en}\n";
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo");
    }

    private ResponseEntity<JsonNode> importYaml(String yaml) {
        return importBytes(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.parseMediaType("application/yaml"));
    }

    private ResponseEntity<JsonNode> importBytes(byte[] body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth("deskOfficer", "demo")
                .postForEntity("/api/catalog", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    }

    private static List<String> errors(ResponseEntity<JsonNode> answer) {
        var errors = new ArrayList<String>();
        answer.getBody().get("errors").forEach(error -> errors.add(error.get("line").asInt() + " "
                + error.get("field").asText() + ": " + error.get("reason").asText()));
        return errors;
    }

    private Map<String, Long> counts() {
        var counts = new java.util.TreeMap<String, Long>();
        TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    private String title(String code) {
        return jdbc.sql("SELECT title FROM commitment WHERE code = ?").param(code).query(String.class).single();
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
    }
}
