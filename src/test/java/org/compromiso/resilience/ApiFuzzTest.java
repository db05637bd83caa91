package org.compromiso.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.compromiso.CompromisoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated payloads against the desk's API and the catalog import: each is either refused (4xx, problem+json,
 * nothing written) or accepted and consistent (the commitment is readable and has its one process); never a 5xx.
 */
@JqwikSpringSupport
@CompromisoTest
class ApiFuzzTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    @Property(tries = 150)
    void aCommitmentIsRefusedCleanlyOrRegisteredWhole(@ForAll("commitments") String body) throws Exception {
        long before = fuzzed();

        var answer = post("/api/commitments", body, MediaType.APPLICATION_JSON);

        assertThat(answer.getStatusCode().is5xxServerError()).as(body + " → " + answer.getBody()).isFalse();
        if (answer.getStatusCode().is2xxSuccessful()) {
            String code = json.readTree(answer.getBody()).at("/commitment/code").asText();
            assertThat(http.withBasicAuth("deskOfficer", "demo").getForEntity("/api/commitments/" + code, String.class)
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
                    .as("its one process").isOne();
        } else {
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(answer.getBody()).path("errors").isArray()).as(answer.getBody()).isTrue();
            assertThat(fuzzed()).as("nothing written").isEqualTo(before);
        }
    }

    @Property(tries = 60)
    void aCatalogFileIsRefusedCleanlyOrImportedWhole(@ForAll("catalogs") String file) throws Exception {
        long meetings = jdbc.sql("SELECT count(*) FROM meeting WHERE code LIKE 'FUZZ-%'").query(Long.class).single();

        var answer = post("/api/catalog", file, MediaType.parseMediaType("application/yaml"));

        assertThat(answer.getStatusCode().is5xxServerError()).as(file + " → " + answer.getBody()).isFalse();
        long after = jdbc.sql("SELECT count(*) FROM meeting WHERE code LIKE 'FUZZ-%'").query(Long.class).single();
        if (answer.getStatusCode().is4xxClientError()) {
            assertThat(json.readTree(answer.getBody()).path("errors").findValues("line")).as(answer.getBody()).isNotEmpty();
            assertThat(after).as("nothing imported").isEqualTo(meetings);
        } else {
            assertThat(after).isBetween(meetings, meetings + 1);
        }
    }

    @Provide
    Arbitrary<String> commitments() {
        Arbitrary<Object> code = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(10).map(s -> "FUZZ-" + s),
                texts().map(Object.class::cast), Arbitraries.integers().map(Object.class::cast));
        Arbitrary<Object> title = Arbitraries.oneOf(texts().map(Object.class::cast),
                Arbitraries.just("<script>alert(1)</script>"), Arbitraries.just(null));
        Arbitrary<Object> kind = Arbitraries.of("agreed-action", "next-meeting", "darien-joint-visit", "otay-crossing",
                "teleport", "", "AGREED-ACTION");
        Arbitrary<Object> leads = Arbitraries.oneOf(
                Arbitraries.just(Map.of("MX", "sre", "US", "state")),
                Arbitraries.just(Map.of("MX", "sre", "US", "state", "PA", "pamire")),
                Arbitraries.maps(Arbitraries.of("MX", "US", "PA", "GT", "mx", "XX", ""),
                        Arbitraries.of("sre", "state", "gsa", "pamire", "nobody", "")).ofMaxSize(3)
                        .map(Object.class::cast),
                Arbitraries.just("sre"));
        Arbitrary<Object> date = Arbitraries.oneOf(
                Arbitraries.integers().between(-400, 40_000).map(days -> java.time.LocalDate.of(2024, 1, 19)
                        .plusDays(days).toString()),
                Arbitraries.of("2024-02-30", "+999999999-12-31", "-0001-01-01", "yesterday", "2024-1-1"),
                Arbitraries.just(null), Arbitraries.integers().map(Object.class::cast));
        Arbitrary<Object> document = Arbitraries.of("001_ae9539afecd76ba5.txt", "../../etc/passwd", "a/b.txt",
                "C:\\boot.ini", "", "x".repeat(300));
        return Combinators.combine(code, title, kind, leads, date, document, texts(), Arbitraries.of(
                        "normal", "high", "urgent", "", "NORMAL"))
                .as((c, t, k, l, d, doc, quote, priority) -> {
                    var body = new LinkedHashMap<String, Object>();
                    body.put("code", c);
                    body.put("meetingCode", "MX-US-2024-01-19");
                    body.put("title", t);
                    body.put("kind", k);
                    body.put("leadAgencies", l);
                    body.put("targetDate", d);
                    body.put("priority", priority);
                    body.put("provenance", Map.of("document", doc, "quote", quote, "language", "en"));
                    return body;
                })
                .map(ApiFuzzTest::write)
                .flatMap(text -> Arbitraries.oneOf(Arbitraries.just(text), mangled(text)));
    }

    @Provide
    Arbitrary<String> catalogs() {
        String valid = """
                meeting:
                  code: FUZZ-%s
                  title: A round of talks
                  heldOn: 2024-03-01
                  place: Mexico City
                  sources: [{document: 001_ae9539afecd76ba5.txt, title: A report}]
                commitments:
                  - code: FUZZ-%s-A
                    title: An agreed action
                    kind: agreed-action
                    leadAgencies: {MX: sre, US: state}
                    targetDate: 2024-06-30
                    provenance: {document: 001_ae9539afecd76ba5.txt, quote: "A sentence.", language: en}
                """;
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(8).map(id -> valid.formatted(id, id))
                .flatMap(text -> Arbitraries.oneOf(Arbitraries.just(text), mangled(text), mangled(text)));
    }

    /** Text that a client might send: short and long, any Unicode, control characters now and then. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().alpha().ofMinLength(150).ofMaxLength(5000));
    }

    /** The text with one part cut, doubled or replaced: broken syntax, misplaced values. */
    private static Arbitrary<String> mangled(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
                        Arbitraries.integers().between(0, 12), Arbitraries.of("", "\"", ":", "\n", "{", "]", "\t",
                                "- ", "&a ", "*a", "\u0000", "null", "99999999999999999999"))
                .as((at, length, insert) -> text.substring(0, at) + insert
                        + text.substring(Math.min(text.length(), at + length)));
    }

    private static String write(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.http.ResponseEntity<String> post(String path, String body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth("deskOfficer", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private long fuzzed() {
        return jdbc.sql("SELECT count(*) FROM commitment WHERE code LIKE 'FUZZ-%'").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE 'FUZZ-%'").query(Long.class).single();
    }
}
