package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18's probes, each tried on both engine REST paths as the logged-in attacker did: expressions past the
 * query guard, a completion that sets who gets the next task, jobs of no process, the monitoring endpoints.
 */
@CompromisoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineGuardsTest {

    /** Set by the probe expressions if any of them ran; a JVM-wide effect that the test can read at once. */
    static final String MARKER = "compromiso.probe.ran";
    static final String REFLECTION = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
            + "''.getClass(), ''.getClass()).invoke(null, '" + MARKER + "', 'yes') == null ? now() : now()}";
    static final String CLEAR_AUTHENTICATION = "${identityService.clearAuthentication() == null "
            + "? dateTime().plusYears(10).toDate() : now()}";
    static final String ENGINE_SERVICES = "${execution.processEngineServices.identityService.clearAuthentication()}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    static final java.util.Date YEAR_2031 = java.util.Date.from(java.time.Instant.parse("2031-01-01T00:00:00Z"));

    String sharedTask;

    @BeforeAll
    void aTaskSharedBySedenaAndGsaAndOneOfSre() {
        var desk = new DeskActions(http);
        desk.register("TEST-GUARD-SHARED", "A step SEDENA and GSA share", "agreed-action",
                Map.of("MX", "sedena", "US", "gsa"));
        desk.register("TEST-GUARD-SRE", "A step of SRE's", "agreed-action", Map.of("MX", "sre", "US", "state"));
        sharedTask = tasks.createTaskQuery().processInstanceBusinessKey("TEST-GUARD-SHARED").singleResult().getId();
    }

    @AfterEach
    void noProbeRan() {
        assertThat(System.getProperty(MARKER)).as("a probe expression ran").isNull();
    }

    // --- expressions

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void anUpperCaseContentTypeDoesNotCarryAnExpressionPastTheGuard(EngineApi api) {
        var probe = Map.of("orQueries", List.of(Map.of("dueBeforeExpression", CLEAR_AUTHENTICATION)));

        var answer = api.post(http, "gsaCoordinator", "/task?maxResults=2000", probe,
                MediaType.parseMediaType("application/JSON"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("dueBeforeExpression");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aReflectionProbeIsRefusedAndRunsNothing(EngineApi api) {
        var answer = api.post(http, "gsaCoordinator", "/task?maxResults=2000",
                Map.of("orQueries", List.of(Map.of("dueBeforeExpression", REFLECTION))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAdminsQueryMayHoldExpressionsButNoneReachesReflectionOrBeansOutsideTheModels() {
        for (String probe : List.of(REFLECTION, CLEAR_AUTHENTICATION)) {
            var answer = EngineApi.ENGINE_REST.post(http, "admin", "/task?maxResults=10",
                    Map.of("orQueries", List.of(Map.of("dueBeforeExpression", probe))));
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isFalse();
        }
        var allowed = EngineApi.ENGINE_REST.post(http, "admin", "/task?maxResults=10",
                Map.of("orQueries", List.of(Map.of("dueBeforeExpression", "${dateTime().plusWeeks(1).toDate()}"))));
        assertThat(allowed.getStatusCode()).as(allowed.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFilterAnAdminCreatedWithAProbeRunsNothingForACoordinator() {
        Filter filter = filters.newTaskFilter("probe").setOwner("admin")
                .setQuery(tasks.createTaskQuery().dueBeforeExpression(CLEAR_AUTHENTICATION));
        filters.saveFilter(filter);
        Filter reflective = filters.newTaskFilter("reflective").setOwner("admin")
                .setQuery(tasks.createTaskQuery().dueBeforeExpression(REFLECTION));
        filters.saveFilter(reflective);
        try {
            for (EngineApi api : EngineApi.values()) {
                for (Filter probe : List.of(filter, reflective)) {
                    for (String user : List.of("gsaCoordinator", "admin")) {
                        var answer = api.get(http, user, "/filter/" + probe.getId() + "/list?maxResults=2000");
                        assertThat(answer.getStatusCode().is2xxSuccessful()).as(user + answer.getBody()).isFalse();
                    }
                }
            }
        } finally {
            filters.deleteFilter(filter.getId());
            filters.deleteFilter(reflective.getId());
        }
    }

    @Test
    void aProcessAnAdminDeploysWithAProbeIsRefusedAtDeployment() {
        for (String probe : List.of(REFLECTION, CLEAR_AUTHENTICATION, ENGINE_SERVICES)) {
            var model = Bpmn.createExecutableProcess("Process_Probe").camundaHistoryTimeToLive(1)
                    .startEvent("Start_Probe").serviceTask("Task_Probe").camundaExpression(probe)
                    .endEvent("End_Probe").done();

            // the sandbox would refuse it when it runs; the model rules refuse it before it can
            assertThatThrownBy(() -> repository.createDeployment().addModelInstance("probe.bpmn", model).deploy())
                    .as(probe).hasMessageContaining("Task_Probe breaks the rule 'allowed-expressions'");
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_Probe").count())
                    .isZero();
        }
    }

    // --- completions

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aCompletionMaySetOnlyTheFieldsOfItsForm(EngineApi api) {
        for (String path : List.of("/complete", "/submit-form", "/resolve", "/bpmnError")) {
            var values = Map.<String, Object>of(
                    "plan", variable("A plan"), "plannedCompletion", variable("2030-05-01"),
                    "leadAgencyMX", variable("gsa"));
            var body = path.equals("/bpmnError") ? Map.of("errorCode", "x", "variables", values)
                    : Map.of("variables", values);

            var answer = api.post(http, "gsaCoordinator", "/task/" + sharedTask + path, body);

            assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read(answer).at("/errors/0/field").asText()).isEqualTo("variables.leadAgencyMX");
            assertThat(read(answer).path("message").asText()).contains("leadAgencyMX");
        }
        assertThat(tasks.createTaskQuery().taskId(sharedTask).count()).as("still open").isOne();
        assertThat(runtime.getVariable(tasks.createTaskQuery().taskId(sharedTask).singleResult()
                .getProcessInstanceId(), "leadAgencyMX")).isNotEqualTo("gsa");
    }

    @Test
    void theVariablesThatDecideWhoGetsATaskAreNotWritableByACoordinatorOnAnyPath() {
        String instance = tasks.createTaskQuery().taskId(sharedTask).singleResult().getProcessInstanceId();
        Object before = runtime.getVariable(instance, "leadAgencies");
        for (EngineApi api : EngineApi.values()) {
            var gsa = "gsaCoordinator";
            var one = Map.of("value", "[\"gsa\"]", "type", "Json");
            List<ResponseEntity<String>> answers = List.of(
                    api.put(http, gsa, "/task/" + sharedTask + "/variables/leadAgencies", one),
                    api.put(http, gsa, "/task/" + sharedTask + "/localVariables/leadAgencies", one),
                    api.post(http, gsa, "/task/" + sharedTask + "/variables",
                            Map.of("modifications", Map.of("leadAgencies", one))),
                    api.put(http, gsa, "/process-instance/" + instance + "/variables/leadAgencies", one),
                    api.post(http, gsa, "/message", Map.of("messageName", "x", "processInstanceId", instance,
                            "processVariables", Map.of("leadAgencies", one))),
                    api.post(http, gsa, "/task/" + sharedTask + "/complete",
                            Map.of("variables", Map.of("leadAgencies", one))));
            answers.forEach(answer -> assertThat(answer.getStatusCode().is2xxSuccessful())
                    .as(answer.getBody()).isFalse());
        }
        assertThat(runtime.getVariable(instance, "leadAgencies")).isEqualTo(before);
    }

    @Test
    void aCompletionWithTheFormsFieldsGoesOnToTheSameAgencies() {
        var desk = new DeskActions(http);
        desk.register("TEST-GUARD-ONWARD", "A step that goes on", "agreed-action", Map.of("MX", "sedena", "US", "gsa"));
        String task = tasks.createTaskQuery().processInstanceBusinessKey("TEST-GUARD-ONWARD").singleResult().getId();

        var answer = EngineApi.ENGINE_REST.post(http, "gsaCoordinator", "/task/" + task + "/complete",
                Map.of("variables", Map.of("plan", variable("A plan"), "plannedCompletion", variable("2030-05-01"))));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task next = tasks.createTaskQuery().processInstanceBusinessKey("TEST-GUARD-ONWARD").singleResult();
        assertThat(tasks.getIdentityLinksForTask(next.getId()).stream().map(link -> link.getGroupId()))
                .contains("sedena", "gsa");
    }

    // --- jobs of no process

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void onlyAdminsChangeJobsOfNoProcess(EngineApi api) {
        var cleanup = history.findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        String job = cleanup.get(0).getId();
        var due = cleanup.get(0).getDuedate();

        for (String user : List.of("gsaCoordinator", "deskOfficer")) {
            assertThat(api.put(http, user, "/job/" + job + "/duedate", Map.of("duedate", "2031-01-01T00:00:00.000+0000"))
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(http, user, "/job/" + job + "/execute", Map.of()).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.put(http, user, "/job/" + job + "/retries", Map.of("retries", 0)).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // the engine moves the cleanup job itself while its window is open; none of the refused changes took
        assertThat(management.createJobQuery().jobId(job).singleResult().getDuedate()).isNotEqualTo(YEAR_2031);
        assertThat(api.put(http, "admin", "/job/" + job + "/duedate", Map.of("duedate", "2031-01-01T00:00:00.000+0000",
                "cascade", false)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        management.setJobDuedate(job, due);
    }

    // --- monitoring

    @Test
    void onlyAdminsReadHealthDetailsAndMetrics() {
        var coordinator = http.withBasicAuth("gsaCoordinator", DemoUsers.PASSWORD);
        var admin = http.withBasicAuth("admin", DemoUsers.PASSWORD);

        assertThat(coordinator.getForEntity("/actuator/health", String.class).getBody()).doesNotContain("details");
        assertThat(admin.getForEntity("/actuator/health", String.class).getBody()).contains("details");
        assertThat(coordinator.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> variable(String value) {
        return Map.of("value", value, "type", "String");
    }

    private JsonNode read(ResponseEntity<String> answer) {
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }
}
