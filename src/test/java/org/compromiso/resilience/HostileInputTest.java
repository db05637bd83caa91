package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guarantee: malformed, oversized, out-of-range or malicious input to the API and the catalog import is refused
 * with a problem+json answer that names the field (and the line, for a file), and changes nothing.
 */
@CompromisoTest
class HostileInputTest {

    private static final String VALID = """
            {"code": "HOSTILE-1", "meetingCode": "MX-US-2024-01-19", "title": "A valid title", "kind": "agreed-action",
             "leadAgencies": {"MX": "sre", "US": "state"}, "targetDate": "2024-06-30", "priority": "normal",
             "provenance": {"document": "001_ae9539afecd76ba5.txt", "quote": "A sentence.", "language": "en"}}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | {"code": "HOSTILE-1",                                | body
            not an object                  | ["HOSTILE-1"]                                        | body
            a number for a text            | title=12345e400                                      | title
            a text for a flag              | continuing="maybe"                                   | continuing
            an unknown kind                | kind="teleport"                                      | kind
            an unknown priority            | priority="urgent"                                    | priority
            an impossible date             | targetDate="2024-02-30"                              | targetDate
            a date out of range            | targetDate="+999999999-12-31"                        | targetDate
            a date in year zero            | targetDate="0000-01-01"                              | targetDate
            a huge title                   | title=HUGE                                           | title
            a line break in the title      | title="Visit\\r\\nBcc: everyone@example.org"         | title
            a NUL in the title             | title="Visit\\u0000"                                 | title
            a path in the document name    | provenance.document="../../etc/passwd"               | provenance.document
            a URL as the document name     | provenance.document="file:///etc/passwd"             | provenance.document
            an unknown language            | provenance.language="klingon"                        | provenance.language
            an agency of the wrong party   | leadAgencies={"MX": "state", "US": "state"}          | leadAgencies.MX
            """)
    void aBadCommitmentIsRefusedNamingTheFieldAndChangesNothing(String what, String change, String field)
            throws Exception {
        String body = change.startsWith("{") || change.startsWith("[") ? change : withChange(change);
        var before = counts();

        var answer = desk().exchange("/api/commitments", HttpMethod.POST, jsonEntity(body), String.class);

        assertThat(answer.getStatusCode().is4xxClientError()).as(what + ": " + answer.getBody()).isTrue();
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field")).as(what).contains(field);
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    static Stream<Arguments> badCatalogs() {
        String meeting = "meeting:\n  code: MX-US-9\n  title: T\n  heldOn: 2024-03-01\n  place: P\n";
        return Stream.of(
                Arguments.of("an unclosed quote", "meeting:\n  code: \"MX-US-9\n  title: T\n", 2),
                Arguments.of("a tab for an indent", "meeting:\n\tcode: MX-US-9\n", 2),
                Arguments.of("an alias bomb", aliasBomb(), 1),
                Arguments.of("a line break in a title",
                        meeting.replace("title: T", "title: \"A\\r\\nBcc: x@example.org\"") + "commitments: []\n", 3),
                Arguments.of("a path as a source", meeting
                        + "  sources: [{document: ../../etc/passwd, title: T}]\ncommitments: []\n", 6),
                Arguments.of("a date out of range", meeting.replace("2024-03-01", "99999-03-01") + "commitments: []\n", 4),
                Arguments.of("a commitment with a bad date", meeting + "commitments:\n  - code: MXUS-9-A\n"
                        + "    title: T\n    kind: agreed-action\n    leadAgencies: {MX: sre, US: state}\n"
                        + "    targetDate: 2024-13-45\n", 11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCatalogs")
    void aBadCatalogFileIsRefusedNamingTheLineAndImportsNothing(String what, String file, int line) throws Exception {
        var before = counts();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));

        var answer = desk().exchange("/api/catalog", HttpMethod.POST, new HttpEntity<>(file, headers), String.class);

        assertThat(answer.getStatusCode().is4xxClientError()).as(what + ": " + answer.getBody()).isTrue();
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = json.readTree(answer.getBody()).path("errors");
        assertThat(errors.findValues("line")).as(what + ": " + errors)
                .anySatisfy(at -> assertThat(at.asInt()).isEqualTo(line));
        assertThat(counts()).as("nothing imported").isEqualTo(before);
    }

    private static String aliasBomb() {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [*").append(previous);
            for (int i = 0; i < 8; i++) {
                bomb.append(",*").append(previous);
            }
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    private String withChange(String change) throws Exception {
        int equals = change.indexOf('=');
        String path = change.substring(0, equals);
        String value = change.substring(equals + 1).replace("HUGE", "\"" + "x".repeat(50_000) + "\"");
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(VALID);
        var target = node;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            target = (com.fasterxml.jackson.databind.node.ObjectNode) target.get(parts[i]);
        }
        String marker = "\"__CHANGE__\"";
        target.put(parts[parts.length - 1], "__CHANGE__");
        return json.writeValueAsString(node).replace(marker, value.replace("\\\\", "\\"));
    }

    private Map<String, Long> counts() {
        // only what these requests could have written: the shared service goes on with its own work meanwhile
        return Map.of(
                "meetings", jdbc.sql("SELECT count(*) FROM meeting WHERE code LIKE 'MX-US-9%'").query(Long.class).single(),
                "commitments", jdbc.sql("SELECT count(*) FROM commitment WHERE code LIKE 'HOSTILE%' OR code LIKE 'MXUS-9%'")
                        .query(Long.class).single(),
                "processes", jdbc.sql("SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE 'HOSTILE%'")
                        .query(Long.class).single());
    }

    private TestRestTemplate desk() {
        return http.withBasicAuth("deskOfficer", "demo");
    }

    private static HttpEntity<String> jsonEntity(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
