package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Every model rule holds on the path an administrator deploys by, {@code /engine-rest/deployment/create}: a process
 * that breaks one is refused with 400, the element and the rule named, and nothing of it is deployed.
 */
@CompromisoTest
class DeploymentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_TASK = "camunda:candidateGroups=\"sre\" camunda:dueDate=\"P7D\" "
            + TrialForm.ATTRIBUTES;

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;

    @Test
    void aProcessThatKeepsTheRulesIsDeployed() throws Exception {
        var answer = deploy("rules-valid", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check", VALID_TASK, ""));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        repository.deleteDeployment(JSON.readTree(answer.getBody()).get("id").asText(), true);
    }

    @Test
    void aUserTaskWithoutDueDateIsRefused() throws Exception {
        assertRefused("rules-due-date", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check",
                "camunda:candidateGroups=\"sre\" " + TrialForm.ATTRIBUTES, ""), "Task_Check", "due-date");
    }

    @Test
    void aUserTaskWithoutCandidateGroupIsRefused() throws Exception {
        assertRefused("rules-candidate-group", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check",
                "camunda:dueDate=\"P7D\" " + TrialForm.ATTRIBUTES, ""), "Task_Check", "candidate-group");
    }

    @Test
    void aUserTaskWithoutFormIsRefused() throws Exception {
        assertRefused("rules-no-form", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check",
                "camunda:candidateGroups=\"sre\" camunda:dueDate=\"P7D\"", ""), "Task_Check", "form");
    }

    @Test
    void aUserTaskWhoseFormIsNotInTheDeploymentIsRefused() throws Exception {
        String model = process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check", VALID_TASK, "");
        var answer = EngineDeployments.asAdmin(http).deploy("rules-missing-form", Map.of("rules.bpmn", model));

        assertRefused(answer, "rules-missing-form", "Task_Check", "form");
        assertThat(message(answer)).contains("form Form_Trial is not in the deployment");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() throws Exception {
        assertRefused("rules-ttl", process("", "", "Task_Check", VALID_TASK, ""), "Process_Rules",
                "history-time-to-live");
    }

    @Test
    void aGeneratedIdIsRefused() throws Exception {
        assertRefused("rules-generated-id", process("camunda:historyTimeToLive=\"P30D\"", "", "Activity_0xrmvgg",
                VALID_TASK, ""), "Activity_0xrmvgg", "readable-id");
    }

    @Test
    void aDelegateThatNoProcessOfTheFolderUsesIsRefused() throws Exception {
        assertRefused("rules-delegate", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check", VALID_TASK,
                listener("delegateExpression=\"${identityService}\"")), "Task_Check", "allowed-expressions");
    }

    @Test
    void anExpressionThatReachesForReflectionIsRefused() throws Exception {
        assertRefused("rules-expression", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check",
                "camunda:candidateGroups=\"${''.getClass().getName()}\" camunda:dueDate=\"P7D\" "
                        + TrialForm.ATTRIBUTES, ""), "Task_Check", "allowed-expressions");
    }

    @Test
    void aJavaClassIsRefused() throws Exception {
        assertRefused("rules-class", process("camunda:historyTimeToLive=\"P30D\"", "", "Task_Check", VALID_TASK,
                listener("class=\"org.compromiso.Anything\"")), "Task_Check", "allowed-expressions");
    }

    @Test
    void aKindWithAPartyTheServiceDoesNotKnowIsRefused() throws Exception {
        // ZZ: a party no test adds (CatalogDeskTest adds Canada to the shared database)
        assertRefused("rules-kind-party", process("camunda:historyTimeToLive=\"P30D\"",
                kind("trilateral-fentanyl", "MX,US,ZZ"), "Task_Check", VALID_TASK, ""), "Process_Rules", "kind");
    }

    @Test
    void aKindServedByAnotherProcessIsRefused() throws Exception {
        assertRefused("rules-kind-taken", process("camunda:historyTimeToLive=\"P30D\"",
                kind("agreed-action", ""), "Task_Check", VALID_TASK, ""), "Process_Rules", "kind");
    }

    @Test
    void twoProcessesOfOneDeploymentDeclaringOneKindAreRefused() throws Exception {
        // neither kind is in the database yet: only the deployment as a whole shows the clash
        String first = process("camunda:historyTimeToLive=\"P30D\"", kind("twice-declared", ""), "Task_Check",
                VALID_TASK, "");
        String second = first.replace("Process_Rules", "Process_Again");

        var answer = EngineDeployments.asAdmin(http).deploy("rules-kind-twice", Map.of("rules.bpmn", first,
                "again.bpmn", second, TrialForm.RESOURCE, TrialForm.JSON));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(message(answer)).contains("breaks the rule 'kind'", "kind twice-declared is declared by process");
        assertThat(repository.createDeploymentQuery().deploymentName("rules-kind-twice").count()).isZero();
    }

    private ResponseEntity<String> deploy(String name, String model) {
        return EngineDeployments.asAdmin(http).deploy(name, Map.of("rules.bpmn", model, TrialForm.RESOURCE,
                TrialForm.JSON));
    }

    private void assertRefused(String name, String model, String elementId, String rule) throws Exception {
        assertRefused(deploy(name, model), name, elementId, rule);
    }

    private void assertRefused(ResponseEntity<String> answer, String name, String elementId, String rule)
            throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(message(answer)).contains(elementId + " breaks the rule '" + rule + "'");
        JsonNode error = JSON.readTree(answer.getBody()).at("/details/rules.bpmn/errors/0");
        assertThat(error.get("mainElementId").asText()).isEqualTo(elementId);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).as("nothing deployed").isZero();
    }

    private static String message(ResponseEntity<String> answer) throws Exception {
        return JSON.readTree(answer.getBody()).get("message").asText();
    }

    private static String listener(String attribute) {
        return "<bpmn:extensionElements><camunda:taskListener event=\"create\" " + attribute
                + "/></bpmn:extensionElements>";
    }

    private static String kind(String code, String parties) {
        return "<camunda:property name=\"kind.code\" value=\"" + code + "\"/>"
                + "<camunda:property name=\"kind.name.en\" value=\"Trial\"/>"
                + "<camunda:property name=\"kind.name.es\" value=\"Prueba\"/>"
                + "<camunda:property name=\"kind.parties\" value=\"" + parties + "\"/>";
    }

    /** One process with one user task; each test breaks one thing of it. */
    private static String process(String processAttributes, String kindProperties, String taskId,
                                  String taskAttributes, String taskBody) {
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/test">
                  <bpmn:process id="Process_Rules" isExecutable="true" %s>
                    %s
                    <bpmn:startEvent id="Start_Rules"/>
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Start_Rules" targetRef="%s"/>
                    <bpmn:userTask id="%s" %s>%s</bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="%s" targetRef="End_Rules"/>
                    <bpmn:endEvent id="End_Rules"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(processAttributes,
                kindProperties.isEmpty() ? "" : "<bpmn:extensionElements><camunda:properties>" + kindProperties
                        + "</camunda:properties></bpmn:extensionElements>",
                taskId, taskId, taskAttributes, taskBody, taskId);
    }
}
