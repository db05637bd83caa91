package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.commitments.TaskNames;
import org.compromiso.engine.ModelProperties;
import org.compromiso.guard.ModelRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Our own models in {@code bpmn/} keep the rules every deployment is held to ({@link ModelRules}, the same code
 * the engine runs on each new deployment): readable ids, only the beans and expressions allowed, and on every user
 * task a due date, a candidate group and a form of the folder; and each says what it is for (its documentation,
 * Tasklist's Description tab).
 */
@ProcessTest
class BpmnModelRulesTest {

    @Autowired
    ModelRules rules;
    @Autowired
    RepositoryService repository;

    @Test
    void everyModelOfTheBpmnFolderKeepsTheRules() throws IOException {
        Set<String> forms = formIds();
        for (Path file : models()) {
            assertThat(rules.check(model(file), forms)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theFolderIsDeployedWithTheKindsItDeclares() {
        var deployment = repository.createDeploymentQuery().deploymentName(BpmnFolderDeployment.NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).get(0);
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
                .extracting("key").contains("AgreedAction", "DarienJointVisit", "OtayCrossingModernization",
                        "NextBilateralMeeting", "TaskDeadline");
    }

    @Test
    void everyUserTaskSaysWhatItIsForInBothLanguagesAndAnswersOnlyUserTasksOfItsOwnProcess() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = model(file);
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getDocumentations()).as("%s: the Description tab of %s", file, task.getId())
                        .isNotEmpty().allMatch(documentation -> !documentation.getTextContent().isBlank());
                assertThat(properties(task, TaskNames.SPANISH_NAME)).as("%s: %s in Spanish", file, task.getId())
                        .singleElement().matches(name -> !name.isBlank());
                assertThat(properties(task, TaskNames.SPANISH_PURPOSE)).as("%s: what %s is for, in Spanish", file,
                        task.getId()).singleElement().matches(purpose -> !purpose.isBlank());
                for (String answered : answered(task)) {
                    assertThat(model.<BaseElement>getModelElementById(answered))
                            .as("%s: %s answers %s", file, task.getId(), answered).isInstanceOf(UserTask.class);
                }
            }
        }
    }

    /** The ids in the user task's property {@code answers} (see {@link EarlierAnswers}). */
    private static List<String> answered(UserTask task) {
        return properties(task, EarlierAnswers.PROPERTY).stream()
                .flatMap(value -> Stream.of(value.split(","))).map(String::strip).toList();
    }

    /** The values of the user task's extension properties of this name, blank for one without a value. */
    private static List<String> properties(UserTask task, String name) {
        return ModelProperties.values(task, name).stream().map(value -> value == null ? "" : value).toList();
    }

    @Test
    void aUserTaskWithoutDueDateOrFormBreaksTheRulesNamingIt() {
        var model = Bpmn.createExecutableProcess("Trial_Undated").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Undated").camundaCandidateGroups("sre").endEvent().done();

        assertThat(rules.check(model, Set.of())).extracting(Object::toString).containsExactlyInAnyOrder(
                "Task_Undated breaks the rule 'due-date': a user task needs camunda:dueDate or the task listener "
                        + "${dueBeforeListener} (else it is never reminded)",
                "Task_Undated breaks the rule 'form': a user task needs camunda:formRef with "
                        + "camunda:formRefBinding=\"deployment\"");
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static BpmnModelInstance model(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static Set<String> formIds() throws IOException {
        var mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".form")).map(file -> {
                try {
                    return mapper.readTree(file.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(file + " is not valid JSON", e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
