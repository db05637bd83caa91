package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Nothing is anonymous, and an agency sees only its own work on every surface. */
@CompromisoTest
class SecurityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/api/commitments",
            "/api/meetings", "/api/catalog", "/api/openapi", "/actuator/metrics", "/engine-rest/history/task"})
    void scriptsWithoutCredentialsGet401(String path) {
        var answer = new TestRestTemplate().getForEntity(http.getRootUri() + path, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/", "/mail", "/api/docs", "/camunda/api/engine/engine/default/task"})
    void browsersWithoutALoginGetTheLoginPage(String path) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var answer = new TestRestTemplate().exchange(http.getRootUri() + path, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(answer.getBody()).contains("Please sign in");
    }

    @Test
    void onlyHealthAndTheLoginPageAreOpen() {
        var anonymous = new TestRestTemplate();
        assertThat(anonymous.getForEntity(http.getRootUri() + "/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity(http.getRootUri() + "/login", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAgencySeesOnlyItsOwnTasksThroughTheEngineApis() {
        List<String> sreTasks = taskIds("sreCoordinator", "/engine-rest/task?maxResults=500");
        List<String> gsaTasks = taskIds("gsaCoordinator", "/engine-rest/task?maxResults=500");
        List<String> webappGsaTasks = taskIds("gsaCoordinator", "/camunda/api/engine/engine/default/task?maxResults=500");

        assertThat(sreTasks).isNotEmpty();
        assertThat(gsaTasks).isNotEmpty().doesNotContainAnyElementsOf(sreTasks);
        assertThat(webappGsaTasks).containsExactlyInAnyOrderElementsOf(gsaTasks);
        for (String id : gsaTasks) {
            assertThat(candidateGroups(id)).contains("gsa");
        }
    }

    @Test
    void anotherAgencysTaskCannotBeReadClaimedOrCompleted() {
        String sreTask = taskIds("sreCoordinator", "/engine-rest/task?maxResults=1").get(0);

        assertRefused(as("gsaCoordinator").getForEntity("/engine-rest/task/" + sreTask, String.class));
        assertRefused(as("gsaCoordinator").getForEntity("/engine-rest/task/" + sreTask + "/variables", String.class));
        assertRefused(post("gsaCoordinator", "/engine-rest/task/" + sreTask + "/claim", Map.of("userId", "gsaCoordinator")));
        assertRefused(post("gsaCoordinator", "/engine-rest/task/" + sreTask + "/complete", Map.of()));
        JsonNode history = as("gsaCoordinator").getForEntity("/engine-rest/history/task?taskId=" + sreTask,
                JsonNode.class).getBody();
        assertThat(history).isEmpty();
        assertThat(as("sreCoordinator").getForEntity("/engine-rest/task/" + sreTask, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void movingATaskToAnotherAgencyRevokesTheFirstAgencysAccess() {
        Task task = tasks.createTaskQuery().taskCandidateGroup("sre").listPage(0, 1).get(0);
        assertThat(as("sreCoordinator").getForEntity("/engine-rest/task/" + task.getId(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        post("admin", "/engine-rest/task/" + task.getId() + "/identity-links", Map.of("groupId", "semar", "type", "candidate"));
        post("admin", "/engine-rest/task/" + task.getId() + "/identity-links/delete", Map.of("groupId", "sre", "type", "candidate"));

        assertRefused(as("sreCoordinator").getForEntity("/engine-rest/task/" + task.getId(), String.class));
        assertThat(as("semarCoordinator").getForEntity("/engine-rest/task/" + task.getId(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAgencySeesOnlyTheCommitmentsItTakesPartIn() {
        JsonNode gsa = as("gsaCoordinator").getForEntity("/api/commitments?size=200", JsonNode.class).getBody();
        assertThat(gsa.get("total").asInt()).isPositive();
        gsa.get("items").forEach(item -> assertThat(item.toString()).contains("\"gsa\""));
        assertThat(as("gsaCoordinator").getForEntity("/api/commitments/MXUS-2401-DARIEN-VISIT", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("leadershipReader").getForEntity("/api/commitments/MXUS-2401-DARIEN-VISIT", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyTheDeskChangesCommitments() {
        var cancel = Map.of("reason", "not mine to cancel");
        assertThat(post("gsaCoordinator", "/api/commitments/MXUS-2401-OTAY-II/cancel", cancel).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("leadershipReader", "/api/commitments/MXUS-2401-OTAY-II/cancel", cancel).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("gsaCoordinator", "/api/catalog", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void expressionsInTaskQueriesAreRefusedEvenInsideOrQueries() {
        var plain = post("sreCoordinator", "/engine-rest/task", Map.of("dueBeforeExpression", "${now()}"));
        var nested = post("sreCoordinator", "/engine-rest/task",
                Map.of("orQueries", List.of(Map.of("dueBeforeExpression", "${now()}"))));
        var inUrl = as("sreCoordinator").getForEntity(
                URI.create(http.getRootUri() + "/engine-rest/task?dueBeforeExpression=%24%7Bnow()%7D"), String.class);
        var webapp = as("sreCoordinator").getForEntity(URI.create(http.getRootUri()
                + "/camunda/api/engine/engine/default/task?assigneeExpression=%24%7BcurrentUser()%7D"), String.class);

        for (var answer : List.of(plain, nested, inUrl, webapp)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString()).contains("Expression");
        }
    }

    @Test
    void coordinatorsCannotCreateFiltersOrDeployments() {
        var filter = post("sreCoordinator", "/engine-rest/filter/create",
                Map.of("resourceType", "Task", "name", "mine", "query", Map.of()));
        assertRefused(filter);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "evil");
        body.add("data", new org.springframework.core.io.ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "evil.bpmn";
            }
        });
        assertRefused(as("sreCoordinator").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class));
    }

    @Test
    void noUsersPasswordIsItsIdAndAdminSetupIsClosed() {
        // every demo user's password is the demo password, so none equals its user id (a failed check here would
        // trip Camunda's login throttling for the other tests)
        identity.createUserQuery().list().forEach(user -> {
            assertThat(user.getId()).isNotEqualToIgnoringCase(DemoUsers.PASSWORD);
            assertThat(identity.checkPassword(user.getId(), DemoUsers.PASSWORD)).as(user.getId()).isTrue();
        });

        long users = identity.createUserQuery().count();
        var setup = post("sreCoordinator", "/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password")));
        assertThat(setup.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void ourPagesSendSecurityHeaders() {
        var page = as("admin").getForEntity("/mail", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        // a user of its own: a wrong password delays that user's next logins (Camunda's login throttling)
        var unknown = http.withBasicAuth("nobody", "demo").getForEntity("/api/commitments", JsonNode.class);
        var wrong = http.withBasicAuth("nscSupervisor", "wrong").getForEntity("/api/commitments", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED).isEqualTo(wrong.getStatusCode());
        assertThat(unknown.getHeaders().get("WWW-Authenticate")).isEqualTo(wrong.getHeaders().get("WWW-Authenticate"));
        assertThat(unknown.getBody().get("error")).isEqualTo(wrong.getBody().get("error"));
    }

    private List<String> taskIds(String user, String path) {
        ResponseEntity<JsonNode> answer = as(user).getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        var ids = new ArrayList<String>();
        answer.getBody().forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(link -> link.getGroupId())
                .filter(java.util.Objects::nonNull).toList();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static void assertRefused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(400, 403, 404);
    }
}
