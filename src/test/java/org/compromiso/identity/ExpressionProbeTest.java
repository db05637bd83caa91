package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.compromiso.CompromisoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The expression probe of issue 18 in many spellings: content types in any case and with parameters, UTF-8/16/32
 * bodies, escaped and duplicated keys, nesting in {@code orQueries}, percent-encoded parameters, a stored filter's
 * extending query; on both REST paths. Each is refused (4xx) or answered with the caller's own agency's tasks, and
 * no probe expression ever runs (the reflective one would set a system property of this JVM).
 */
@JqwikSpringSupport
@CompromisoTest
// a context of its own: jqwik runs after the Jupiter classes, and those that close a service of their own leave
// the webapps' static filter registrations pointing at it; the context started last is the one they serve
@TestPropertySource(properties = "compromiso.test.context=expression-probe")
// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests)
@Tag("own-service")
class ExpressionProbeTest {

    static final String USER = "gsaCoordinator";
    static final List<String> FIELDS = List.of("dueBeforeExpression", "dueAfterExpression", "dueDateExpression",
            "followUpBeforeExpression", "assigneeExpression", "candidateGroupExpression", "candidateUserExpression",
            "processInstanceBusinessKeyExpression");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/JSON", "APPLICATION/JSON",
            "Application/Json; charset=%s", "application/json;charset=%s", "application/json; foo=bar",
            "application/vnd.api+json", "text/plain", "application/x-www-form-urlencoded");
    static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE, Charset.forName("UTF-32BE"));

    enum Route { BODY, QUERY_PARAMETERS, FILTER_EXTENSION }

    enum Keys { PLAIN, ONE_ESCAPED, ALL_ESCAPED, DUPLICATE_BEFORE, DUPLICATE_AFTER }

    record Probe(EngineApi api, Route route, String field, String expression, int nesting, Keys keys,
                 String contentType, Charset charset, boolean percentEncodeKey) {
    }

    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    final HttpClient client = HttpClient.newHttpClient();
    private boolean registered;

    /** Registered once, on the first try (Spring injects only then); registering again is a no-op. */
    private void tasksOfGsaAndOfOtherAgencies() {
        var desk = new DeskActions(http);
        desk.register("TEST-PROBE-GSA", "A step of GSA's", "agreed-action", Map.of("MX", "sedena", "US", "gsa"));
        desk.register("TEST-PROBE-SRE", "A step of SRE's", "agreed-action", Map.of("MX", "sre", "US", "state"));
    }
    final Map<EngineApi, Map<String, String>> sessions = new ConcurrentHashMap<>();

    @Property(tries = 250)
    void aProbeIsRefusedOrSeesOnlyTheCallersOwnTasksAndNeverRuns(@ForAll("probes") Probe probe) throws Exception {
        if (!registered) {
            tasksOfGsaAndOfOtherAgencies();
            registered = true;
        }
        var answer = client.send(request(probe), HttpResponse.BodyHandlers.ofString());

        assertThat(System.getProperty(EngineGuardsTest.MARKER)).as("the probe ran: " + probe).isNull();
        int status = answer.statusCode();
        assertThat(status).as(probe + " -> " + answer.body()).isBetween(200, 499);
        if (status < 300) {
            for (JsonNode task : json.readTree(answer.body())) {
                assertThat(candidateGroups(task.get("id").asText())).as(probe + ": " + task).contains("gsa");
            }
        }
    }

    @Provide
    Arbitrary<Probe> probes() {
        return Builders.withBuilder(() -> new Object[9])
                .use(Arbitraries.of(EngineApi.values())).in((p, v) -> set(p, 0, v))
                .use(Arbitraries.of(Route.values())).in((p, v) -> set(p, 1, v))
                .use(Arbitraries.of(FIELDS)).in((p, v) -> set(p, 2, v))
                .use(Arbitraries.of(EngineGuardsTest.REFLECTION, EngineGuardsTest.CLEAR_AUTHENTICATION))
                .in((p, v) -> set(p, 3, v))
                .use(Arbitraries.integers().between(0, 2)).in((p, v) -> set(p, 4, v))
                .use(Arbitraries.of(Keys.values())).in((p, v) -> set(p, 5, v))
                .use(Arbitraries.of(CONTENT_TYPES)).in((p, v) -> set(p, 6, v))
                .use(Arbitraries.of(CHARSETS)).in((p, v) -> set(p, 7, v))
                .use(Arbitraries.of(true, false)).in((p, v) -> set(p, 8, v))
                .build(p -> new Probe((EngineApi) p[0], (Route) p[1], (String) p[2], (String) p[3], (Integer) p[4],
                        (Keys) p[5], (String) p[6], (Charset) p[7], (Boolean) p[8]));
    }

    private static Object[] set(Object[] parts, int index, Object value) {
        parts[index] = value;
        return parts;
    }

    private HttpRequest request(Probe probe) throws Exception {
        String base = "http://localhost:" + port + probe.api().path("");
        var request = HttpRequest.newBuilder().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (probe.api() == EngineApi.WEBAPP) {
            session(probe.api()).forEach(request::header);
        }
        if (probe.route() == Route.QUERY_PARAMETERS) {
            String key = probe.percentEncodeKey() ? percentEncodeEveryByte(probe.field())
                    : URLEncoder.encode(probe.field(), StandardCharsets.UTF_8);
            return request.uri(URI.create(base + "/task?maxResults=2000&" + key + "="
                    + URLEncoder.encode(probe.expression(), StandardCharsets.UTF_8))).GET().build();
        }
        String path = probe.route() == Route.BODY ? "/task?maxResults=2000"
                : "/filter/" + myAgencysFilter() + "/list?maxResults=2000";
        byte[] body = body(probe).getBytes(probe.charset());
        return request.uri(URI.create(base + path))
                .header("Content-Type", probe.contentType().formatted(probe.charset().name().toLowerCase()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The query as JSON text, the expression field spelled and placed as the probe says. */
    private static String body(Probe probe) {
        String key = switch (probe.keys()) {
            case ONE_ESCAPED -> probe.field().replaceFirst("E", "\\\\u0045");
            case ALL_ESCAPED -> probe.field().chars().mapToObj(c -> "\\u%04x".formatted(c)).collect(Collectors.joining());
            default -> probe.field();
        };
        String value = "\"" + probe.expression().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String fields = switch (probe.keys()) {
            case DUPLICATE_BEFORE -> "\"" + key + "\":null,\"" + key + "\":" + value;
            case DUPLICATE_AFTER -> "\"" + key + "\":" + value + ",\"" + key + "\":" + value;
            default -> "\"" + key + "\":" + value;
        };
        return switch (probe.nesting()) {
            case 0 -> "{" + fields + "}";
            case 1 -> "{\"orQueries\":[{" + fields + "}]}";
            default -> "{\"orQueries\":[{\"name\":\"x\"},{\"orQueries\":[],\"" + "active\":true," + fields + "}]}";
        };
    }

    private static String percentEncodeEveryByte(String text) {
        return text.chars().mapToObj(c -> "%" + (c % 2 == 0 ? "%02X" : "%02x").formatted(c))
                .collect(Collectors.joining());
    }

    private String myAgencysFilter() {
        return filters.createFilterQuery().filterName("My agency's tasks").singleResult().getId();
    }

    /** The webapps' path needs a session and its CSRF token, which they hand out on a GET. */
    private Map<String, String> session(EngineApi api) {
        return sessions.computeIfAbsent(api, key -> {
            try {
                var answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + api.path("/task/count"))).header("X-XSRF-TOKEN", "Fetch")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (USER + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookies = answer.headers().allValues("Set-Cookie").stream()
                        .map(cookie -> cookie.split(";", 2)[0]).collect(Collectors.joining("; "));
                return Map.of("X-XSRF-TOKEN", answer.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() ->
                                new IllegalStateException("no CSRF token, answer " + answer.statusCode() + " " + answer.body())),
                        "Cookie", cookies);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Set<String> candidateGroups(String taskId) {
        var groups = new HashSet<String>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }
}
