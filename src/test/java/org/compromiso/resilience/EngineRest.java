package org.compromiso.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.compromiso.workflow.TrialForm;

/** A script's view of a node: Camunda's REST API and ours, over HTTP Basic as one user. */
public final class EngineRest {

    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, URI> node;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public EngineRest(Function<String, URI> node, String user, String password) {
        this.node = node;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static EngineRest of(ServiceNode node, String user) {
        return new EngineRest(node::uri, user, "demo");
    }

    /** Deploys the trial process of {@link TrialTasks} with its form, as the model rules require. */
    public void deployTrial() throws IOException, InterruptedException {
        deploy(Map.of("trial-deadline.bpmn", TrialTasks.MODEL, TrialForm.RESOURCE, TrialForm.JSON));
    }

    public void deploy(Map<String, String> resources) throws IOException, InterruptedException {
        String boundary = "compromiso-" + System.nanoTime();
        var body = new StringBuilder()
                .append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntrial\r\n")
                .append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n");
        resources.forEach((name, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        var response = send(request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        require(response, 200);
    }

    /** Starts the trial process of {@link TrialTasks} for this agency, due then. */
    public void startTrial(String group, Instant due) throws IOException, InterruptedException {
        var response = post("/engine-rest/process-definition/key/" + TrialTasks.PROCESS + "/start", Map.of("variables",
                Map.of("group", Map.of("value", group, "type", "String"),
                        "due", Map.of("value", CAMUNDA_DATE.format(due), "type", "Date"))));
        require(response, 200);
    }

    public HttpResponse<String> complete(String taskId) throws IOException, InterruptedException {
        return complete(taskId, Map.of());
    }

    /** Completes the task with these form values, as Tasklist would submit them. */
    public HttpResponse<String> complete(String taskId, Map<String, Object> values)
            throws IOException, InterruptedException {
        var variables = new java.util.LinkedHashMap<String, Object>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(node.apply(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
