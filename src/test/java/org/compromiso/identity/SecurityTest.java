package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.compromiso.workflow.ProcessDriver;
import org.compromiso.workflow.TaskForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Nothing is anonymous, and an agency sees only its own work on every surface. */
@CompromisoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

    /** Three agencies of the matrix: one with the Darién, one with Otay II, one with a commitment of its own. */
    static final List<String> AGENCIES = List.of("sre", "gsa", "semar");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoUsers demoUsers;
    @Autowired
    TaskForms forms;

    /** One open task per agency of the matrix, candidate of that agency alone. */
    final Map<String, String> taskOf = new LinkedHashMap<>();

    @BeforeAll
    void oneTaskPerAgency() {
        desk().register("MXUS-TEST-SRE-VISIT", "A joint visit led by SRE", "darien-joint-visit",
                Map.of("MX", "sre", "US", "dhs", "PA", "pamire"));
        desk().register("MXUS-TEST-GSA-CROSSING", "A crossing built by SICT and GSA", "otay-crossing",
                Map.of("MX", "sict", "US", "gsa"));
        desk().register("MXUS-TEST-SEMAR-VISIT", "A joint visit led by SEMAR", "darien-joint-visit",
                Map.of("MX", "semar", "US", "dhs", "PA", "pamire"));
        taskOf.put("sre", firstTaskOf("MXUS-TEST-SRE-VISIT"));
        taskOf.put("gsa", firstTaskOf("MXUS-TEST-GSA-CROSSING"));
        taskOf.put("semar", firstTaskOf("MXUS-TEST-SEMAR-VISIT"));
    }

    // --- authentication: who gets in, and how a refusal looks

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/api/commitments",
            "/api/meetings", "/api/catalog", "/api/openapi", "/actuator/metrics", "/engine-rest/history/task",
            "/reports/status.json", "/camunda/api/engine/engine/default/task", "/camunda/api/admin/auth/user/default"})
    void scriptsWithoutCredentialsGet401(String path) {
        var answer = new TestRestTemplate().getForEntity(http.getRootUri() + path, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Compromiso\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/", "/mail", "/api/docs", "/camunda/api/engine/engine/default/task",
            "/reports/status"})
    void browsersWithoutALoginGetTheLoginPage(String path) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var answer = new TestRestTemplate().exchange(http.getRootUri() + path, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(answer.getBody()).contains("<h1>Compromiso</h1>", "Sign in", "id=\"password\"");
    }

    /** The README's allow-list, entry by entry: open without a login (a calendar's token is its credential). */
    @ParameterizedTest
    @CsvSource({"/actuator/health, 200", "/login, 200", "/css/compromiso.css, 200",
            "/calendar/no-such-token.ics, 404"})
    void theAllowListIsOpen(String path, int status) {
        var answer = new TestRestTemplate().getForEntity(http.getRootUri() + path, String.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(status);
    }

    @Test
    void refusalsOfTheApiAreProblems() {
        var anonymous = new TestRestTemplate().getForEntity(http.getRootUri() + "/api/commitments", JsonNode.class);
        var forbidden = as("gsaCoordinator").getForEntity("/api/reminders/failed", JsonNode.class);
        var forbiddenChange = post("gsaCoordinator", "/api/commitments/MXUS-2401-OTAY-II/cancel",
                Map.of("reason", "not mine to cancel"));

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbiddenChange.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (var answer : List.of(anonymous, forbidden)) {
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(answer.getBody().get("status").asInt()).isEqualTo(answer.getStatusCode().value());
            assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("authorization");
        }
        assertThat(forbiddenChange.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        // a user of its own: a wrong password delays that user's next logins (Camunda's login throttling)
        var unknown = http.withBasicAuth("nobody", "demo").getForEntity("/api/commitments", String.class);
        var wrong = http.withBasicAuth("nscSupervisor", "wrong").getForEntity("/api/commitments", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED).isEqualTo(wrong.getStatusCode());
        assertThat(unknown.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        assertThat(unknown.getBody()).isNotBlank().isEqualTo(wrong.getBody());
    }

    @Test
    void repeatedWrongPasswordsRefuseEvenTheRightOneForAWhile() {
        var user = identity.newUser("throttleProbe");
        user.setPassword("the-right-password");
        identity.saveUser(user);
        try {
            var right = http.withBasicAuth("throttleProbe", "the-right-password");
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(http.withBasicAuth("throttleProbe", "wrong").getForEntity("/api/meetings", String.class)
                        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            assertThat(right.getForEntity("/api/meetings", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);

            identity.unlockUser("throttleProbe");
            assertThat(right.getForEntity("/api/meetings", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            identity.deleteUser("throttleProbe");
        }
    }

    @Test
    void noUsersPasswordIsItsIdAndAdminSetupIsClosed() {
        // every demo user's password is the demo password, so none equals its user id (a failed check here would
        // trip Camunda's login throttling for the other tests; users other tests create have passwords of their own)
        demoUsers.users().forEach(user -> {
            assertThat(user.id()).isNotEqualToIgnoringCase(DemoUsers.PASSWORD);
            assertThat(identity.checkPassword(user.id(), DemoUsers.PASSWORD)).as(user.id()).isTrue();
        });

        long users = identity.createUserQuery().count();
        var setup = post("sreCoordinator", "/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder-password")));
        assertThat(setup.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    // --- headers, cookies, output encoding

    @Test
    void ourPagesSendSecurityHeaders() {
        var page = as("admin").getForEntity("/mail", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    /** Anonymous writes are asked to log in (401), while a session without its CSRF token is still refused (403). */
    @Test
    void aPostWithoutCredentialsGets401AndASessionWithoutItsCsrfTokenStill403() throws Exception {
        for (String path : List.of("/api/catalog", "/api/parties", "/api/commitments")) {
            var anonymous = new TestRestTemplate().postForEntity(http.getRootUri() + path, Map.of(), String.class);
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Compromiso\"");
        }
        var browser = new FormLogin(http.getRootUri());
        browser.logIn("deskOfficer", DemoUsers.PASSWORD);
        var withoutToken = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(http.getRootUri() + "/api/catalog"))
                        .header("Cookie", browser.cookieHeader()).header("Content-Type", "application/yaml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("meeting: {}\n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void sessionAndCsrfCookiesAreHttpOnlyAndSameSiteAndTheSessionIsRenewedAtLogin() throws Exception {
        var browser = new FormLogin(http.getRootUri());
        browser.open("/login");
        String before = browser.cookie("JSESSIONID").orElseThrow();
        var login = browser.logIn("sreCoordinator", DemoUsers.PASSWORD);
        String session = login.setCookie("JSESSIONID").orElseThrow();
        String xsrf = browser.open("/camunda/app/tasklist/default/").setCookie("XSRF-TOKEN").orElseThrow();

        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(session.split(";")[0]).isNotEqualTo("JSESSIONID=" + before);
        assertThat(xsrf).containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void scriptsAndTemplatesInNamesAndCommentsAreShownLiterally() {
        String title = "<script>alert(1)</script> {{7*7}}";
        String taskName = "<script>alert(2)</script> {{7*7}}";
        desk().register("MXUS-TEST-XSS", title, "agreed-action", Map.of("MX", "sre", "US", "state"));
        Task task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-TEST-XSS").singleResult();
        assertThat(desk().changeTask("admin", task.getId(), "name", taskName).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        post("admin", "/engine-rest/task/" + task.getId() + "/comment/create", Map.of("message", taskName));

        var page = asBrowser("leadershipReader", "/reports/status");
        // the report names the step as the model does, not as a user renamed the task: the title carries the markup
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}")
                .doesNotContain("<script>alert(");
        JsonNode inTasklist = read(EngineApi.WEBAPP.get(http, "sreCoordinator", "/task/" + task.getId()));
        JsonNode comments = read(EngineApi.WEBAPP.get(http, "leadershipReader", "/task/" + task.getId() + "/comment"));
        assertThat(inTasklist.get("name").asText()).isEqualTo(taskName);
        assertThat(comments.get(0).get("message").asText()).isEqualTo(taskName);
    }

    // --- the isolation matrix: three agencies, both engine REST paths, every way to reach a task

    enum Probe { LIST, GET, VARIABLES, HISTORY, CLAIM, COMPLETE }

    Stream<Arguments> anotherAgencysTask() {
        var cases = new ArrayList<Arguments>();
        for (String viewer : AGENCIES) {
            for (String owner : AGENCIES) {
                for (EngineApi api : EngineApi.values()) {
                    for (Probe probe : Probe.values()) {
                        if (!viewer.equals(owner)) {
                            cases.add(Arguments.of(viewer, owner, api, probe));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}'s task, {2} {3}")
    @MethodSource
    void anotherAgencysTask(String viewer, String owner, EngineApi api, Probe probe) {
        String user = viewer + "Coordinator";
        String task = taskOf.get(owner);
        switch (probe) {
            case LIST -> assertThat(ids(api.get(http, user, "/task?maxResults=2000"))).isNotEmpty()
                    .doesNotContain(task);
            case GET -> assertNotAuthorized(api.get(http, user, "/task/" + task));
            case VARIABLES -> assertNotAuthorized(api.get(http, user, "/task/" + task + "/variables"));
            case HISTORY -> assertThat(read(api.get(http, user, "/history/task?maxResults=10&taskId=" + task)))
                    .isEmpty();
            case CLAIM -> assertNotAuthorized(api.post(http, user, "/task/" + task + "/claim", Map.of("userId", user)));
            case COMPLETE -> assertNotAuthorized(api.post(http, user, "/task/" + task + "/complete",
                    validCompletion(task)));
        }
        Task stillOpen = tasks.createTaskQuery().taskId(task).singleResult();
        assertThat(stillOpen).as("the task is still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isNull();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void eachAgencySeesItsOwnTaskAndOnlyTasksWhereItIsACandidate(EngineApi api) {
        for (String agency : AGENCIES) {
            List<String> visible = ids(api.get(http, agency + "Coordinator", "/task?maxResults=2000"));
            assertThat(visible).as(agency).contains(taskOf.get(agency));
            visible.forEach(id -> assertThat(candidateGroups(id)).as(id).contains(agency));
            assertThat(api.get(http, agency + "Coordinator", "/task/" + taskOf.get(agency)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void aSupervisorReadsTheTasksAndCommitmentsOfTheirAgency() {
        assertThat(ids(EngineApi.ENGINE_REST.get(http, "gsaSupervisor", "/task?maxResults=2000")))
                .contains(taskOf.get("gsa")).doesNotContain(taskOf.get("sre"));
        JsonNode commitments = as("gsaSupervisor").getForEntity("/api/commitments?size=200", JsonNode.class).getBody();
        assertThat(commitments.get("total").asInt()).isPositive();
        commitments.get("items").forEach(item -> assertThat(item.toString()).contains("\"gsa\""));
        assertNotAuthorized(EngineApi.ENGINE_REST.post(http, "gsaSupervisor", "/task/" + taskOf.get("sre") + "/claim",
                Map.of("userId", "gsaSupervisor")));
    }

    @Test
    void movingATaskToAnotherAgencyRevokesTheFirstAgencysAccessAndItsClaim() {
        desk().register("MXUS-TEST-MOVE", "A visit that changes hands", "darien-joint-visit",
                Map.of("MX", "sre", "US", "state", "PA", "pamire"));
        String task = tasks.createTaskQuery().processInstanceBusinessKey("MXUS-TEST-MOVE").singleResult().getId();
        var api = EngineApi.ENGINE_REST;
        assertThat(api.post(http, "sreCoordinator", "/task/" + task + "/claim", Map.of("userId", "sreCoordinator"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        api.post(http, "admin", "/task/" + task + "/identity-links", Map.of("groupId", "semar", "type", "candidate"));
        api.post(http, "admin", "/task/" + task + "/identity-links/delete", Map.of("groupId", "sre", "type", "candidate"));

        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        for (EngineApi path : EngineApi.values()) {
            assertNotAuthorized(path.get(http, "sreCoordinator", "/task/" + task));
            assertNotAuthorized(path.get(http, "sreCoordinator", "/task/" + task + "/variables"));
            assertNotAuthorized(path.post(http, "sreCoordinator", "/task/" + task + "/complete", validCompletion(task)));
            assertThat(ids(path.get(http, "sreCoordinator", "/task?maxResults=2000"))).doesNotContain(task);
            assertThat(ids(path.get(http, "sreCoordinator", "/task?maxResults=2000&assignee=sreCoordinator")))
                    .doesNotContain(task);
        }
        assertThat(api.get(http, "semarCoordinator", "/task/" + task).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post(http, "semarCoordinator", "/task/" + task + "/complete", validCompletion(task))
                .getStatusCode()).as("the completion the first agency was refused is a valid one")
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // --- what only admins may do: expressions, filters, deployments

    static Stream<Arguments> expressionProbes() {
        Map<String, Object> plain = Map.of("dueBeforeExpression", "${now()}");
        Map<String, Object> nested = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")));
        return Stream.of(EngineApi.values()).flatMap(api -> Stream.of(Arguments.of(api, plain), Arguments.of(api, nested)));
    }

    @ParameterizedTest
    @MethodSource("expressionProbes")
    void expressionsInTaskQueriesAreRefusedEvenInsideOrQueries(EngineApi api, Map<String, Object> query) {
        var inBody = api.post(http, "sreCoordinator", "/task", query);
        assertThat(inBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inBody.getBody()).contains("Expression");
        var asFilter = api.post(http, "sreCoordinator", "/filter/create",
                Map.of("resourceType", "Task", "name", "mine", "query", query));
        assertRefused(asFilter);
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void expressionsInQueryParametersAreRefused(EngineApi api) {
        var answer = api.get(http, "sreCoordinator", "/task?dueBeforeExpression=%24%7Bnow()%7D");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("Expression");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void coordinatorsCannotCreateFiltersOrDeployments(EngineApi api) {
        long filters = filterCount();
        assertRefused(api.post(http, "sreCoordinator", "/filter/create",
                Map.of("resourceType", "Task", "name", "mine", "query", Map.of())));
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "evil");
        body.add("data", new ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "evil.bpmn";
            }
        });
        assertRefused(api.post(http, "sreCoordinator", "/deployment/create", body, MediaType.MULTIPART_FORM_DATA));
        assertThat(filterCount()).isEqualTo(filters);
        assertThat(read(api.get(http, "admin", "/deployment?name=evil&maxResults=10"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aLoggedInUserGetsNoUnboundedOrHugeResultList(EngineApi api) {
        var unbounded = api.get(http, "sreCoordinator", "/task");
        var huge = api.get(http, "sreCoordinator", "/task?maxResults=2001");
        assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unbounded.getBody()).contains("unbound number of results");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get(http, "sreCoordinator", "/task?maxResults=2000").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // --- our API

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
    void onlyThoseWhoSeeEveryCommitmentSeeWhoSatAtTheTable() {
        JsonNode forDesk = as("deskOfficer").getForEntity("/api/meetings/MX-US-2024-01-19", JsonNode.class).getBody();
        JsonNode forCoordinator = as("gsaCoordinator").getForEntity("/api/meetings/MX-US-2024-01-19", JsonNode.class)
                .getBody();
        JsonNode listed = as("gsaCoordinator").getForEntity("/api/meetings", JsonNode.class).getBody();

        assertThat(forDesk.at("/delegations/MX/0/name").asText()).isNotBlank();
        assertThat(forCoordinator.get("title").asText()).isEqualTo(forDesk.get("title").asText());
        assertThat(forCoordinator.get("delegations")).isEmpty();
        listed.forEach(meeting -> assertThat(meeting.get("delegations")).isEmpty());
    }

    // --- helpers

    private long filterCount() {
        return read(EngineApi.ENGINE_REST.get(http, "admin", "/filter/count")).get("count").asLong();
    }

    private String asBrowser(String user, String path) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var answer = as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode read(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }

    private List<String> ids(ResponseEntity<String> answer) {
        var ids = new ArrayList<String>();
        read(answer).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
    }

    private String firstTaskOf(String commitment) {
        return tasks.createTaskQuery().processInstanceBusinessKey(commitment).singleResult().getId();
    }

    private DeskActions desk() {
        return new DeskActions(http);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, DemoUsers.PASSWORD);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return desk().post(user, path, body);
    }

    /**
     * A completion of the task that its form accepts (every required field filled), so that only authorization can
     * refuse it: an empty one is refused by the form's validation, whoever sends it.
     */
    private Map<String, Object> validCompletion(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        var form = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).orElseThrow();
        var variables = new LinkedHashMap<String, Object>();
        ProcessDriver.filling(form).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        assertThat(variables).as("a form with required fields").isNotEmpty();
        return Map.of("variables", variables);
    }

    private static void assertRefused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(400, 403, 404);
    }

    /** Refused for who asks, not for what was sent: a 400 here would prove nothing about authorization. */
    private static void assertNotAuthorized(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(403, 404);
    }
}
