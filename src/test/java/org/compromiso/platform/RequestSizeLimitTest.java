package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every path refuses a body over {@code spring.servlet.multipart.max-request-size} (1 MB) with 413: a declared one
 * before it is read, a chunked one while it is read, also on the engine's REST APIs (Jersey, not Spring MVC).
 */
@CompromisoTest
class RequestSizeLimitTest {

    private static final String BOUNDARY = "----size-limit-test";
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aDeclaredOversizeBodyIsRefusedBeforeItIsSent() throws Exception {
        byte[] start = multipartStart("padding.txt").getBytes(StandardCharsets.US_ASCII);
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            out.flush();

            // only the headers and a few bytes of the 20 MB are sent: an answer means nothing waited for the rest
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedOversizeBodyIsCutOffOnEngineRest() throws Exception {
        var answer = deploy("/engine-rest", oversize(), new String[0]);
        assertRefused(answer);
    }

    @Test
    void aChunkedOversizeBodyIsCutOffOnTheWebappsEngineApi() throws Exception {
        var answer = deploy("/camunda/api/engine/engine/default", oversize(), webappSession());
        assertRefused(answer);
    }

    @Test
    void aSmallChunkedDeploymentStillWorks() throws Exception {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Process_SizeLimitProbe")
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        var answer = deploy("/engine-rest", multipart("probe.bpmn", bpmn), new String[0]);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String id = json.readTree(answer.body()).get("id").asText();
        var resources = client.send(request("/engine-rest/deployment/" + id + "/resources").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(resources.body()).findValuesAsText("name")).containsExactly("probe.bpmn");
        client.send(request("/engine-rest/deployment/" + id + "?cascade=true").DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private void assertRefused(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
    }

    /** A deployment of one resource, sent chunked (no Content-Length), so only reading it can tell its size. */
    private HttpResponse<String> deploy(String api, String body, String[] headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = request(api + "/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", ADMIN)
                .header("Accept", "application/json");
    }

    /** The webapps' API wants its CSRF token, handed out on a GET and bound to the session that GET opened. */
    private String[] webappSession() throws Exception {
        var answer = client.send(request("/camunda/api/engine/engine/default/task/count")
                .header("X-XSRF-TOKEN", "Fetch").GET().build(), HttpResponse.BodyHandlers.discarding());
        String cookies = String.join("; ", answer.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        return new String[] {"X-XSRF-TOKEN", answer.headers().firstValue("X-XSRF-TOKEN").orElseThrow(),
                "Cookie", cookies};
    }

    /** 1.5 MB: over the limit, and little enough that the server reads what is left after answering. */
    private static String oversize() {
        return multipart("padding.txt", "x".repeat(1536 * 1024));
    }

    private static String multipart(String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsize-limit-test\r\n"
                + multipartStart(fileName) + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private static String multipartStart(String fileName) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    }
}
