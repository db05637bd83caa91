package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The conventions every model in {@code bpmn/} and every deployed process keeps: readable ids, delegates that
 * exist, and on every user task a due date, a candidate group and a form that exists.
 */
@ProcessTest
// before the other process tests: ReminderTest deploys a trial process without a form on purpose, and leaves it
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 2)
class BpmnModelRulesTest {

    private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskForms forms;

    @Test
    void noModelHasGeneratedIds() throws IOException {
        for (Path file : models()) {
            var ids = new ArrayList<String>();
            model(file).getModelElementsByType(BaseElement.class).forEach(element -> ids.add(element.getId()));
            assertThat(ids).as(file.toString())
                    .noneMatch(id -> id != null && GENERATED_ID.matcher(id).matches() && looksGenerated(id));
        }
    }

    @Test
    void everyDelegateExpressionNamesABean() throws IOException {
        for (Path file : models()) {
            Matcher matcher = Pattern.compile("delegateExpression=\"([^\"]+)\"").matcher(Files.readString(file));
            while (matcher.find()) {
                Matcher bean = BEAN_EXPRESSION.matcher(matcher.group(1));
                assertThat(bean.matches()).as(file + ": " + matcher.group(1) + " is a plain bean reference").isTrue();
                assertThat(context.containsBean(bean.group(1))).as(file + ": bean " + bean.group(1)).isTrue();
            }
        }
    }

    @Test
    void everyUserTaskOfTheBpmnFolderHasADueDateACandidateGroupAndAForm() throws IOException {
        Set<String> formIds = formIds();
        var deployment = repository.createDeploymentQuery().deploymentName(BpmnFolderDeployment.NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).get(0);
        var definitions = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list();
        assertThat(definitions).extracting("key").contains("AgreedAction", "DarienJointVisit",
                "OtayCrossingModernization", "NextBilateralMeeting");
        assertThat(violations(definitions)).isEmpty();
        for (var definition : definitions) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                String where = definition.getKey() + "/" + task.getId();
                assertThat(task.getCamundaCandidateGroups()).as(where + " has a candidate group").isNotBlank();
                String formRef = task.getAttributeValueNs(CAMUNDA, "formRef");
                assertThat(task.getAttributeValueNs(CAMUNDA, "formRefBinding")).as(where).isEqualTo("deployment");
                assertThat(formIds).as(where + " form " + formRef + " exists").contains(formRef);
            }
        }
    }

    @Test
    void everyUserTaskOfEveryProcessInTheEngineHasADueDateAndAForm() {
        var definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting("key").as("the reminders' TaskDeadline has no user task; it passes")
                .contains("TaskDeadline", "AgreedAction");

        assertThat(violations(definitions)).isEmpty();
    }

    @Test
    void aProcessDeployedLaterWithoutADueDateOrAFormBreaksTheRule() {
        var model = Bpmn.createExecutableProcess("Trial_Undated").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Undated").camundaCandidateGroups("sre").endEvent().done();
        var deployment = repository.createDeployment().addModelInstance("undated.bpmn", model).deploy();
        try {
            assertThat(violations(repository.createProcessDefinitionQuery().latestVersion().list()))
                    .contains("Trial_Undated/Task_Undated has no due date", "Trial_Undated/Task_Undated has no form");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    /** Each user task, of these process definitions, without a due date or without a form in its deployment. */
    private List<String> violations(List<ProcessDefinition> definitions) {
        var violations = new ArrayList<String>();
        for (var definition : definitions) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                String where = definition.getKey() + "/" + task.getId();
                boolean dueBefore = task.getExtensionElements() != null && task.getExtensionElements()
                        .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                        .anyMatch(listener -> "${dueBeforeListener}".equals(listener.getCamundaDelegateExpression()));
                if (task.getCamundaDueDate() == null && !dueBefore) {
                    violations.add(where + " has no due date");
                }
                if (forms.of(definition.getId(), task.getId()).isEmpty()) {
                    violations.add(where + " has no form");
                }
            }
        }
        return violations;
    }

    private static boolean looksGenerated(String id) {
        // Camunda Modeler ids such as Activity_0xrmvgg or Flow_1a2b3c4: a prefix, then 7 characters with a digit
        String suffix = id.substring(id.indexOf('_') + 1);
        return suffix.chars().anyMatch(Character::isDigit);
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
                    JsonNode form = mapper.readTree(file.toFile());
                    return form.path("id").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(file + " is not valid JSON", e);
                }
            }).collect(java.util.stream.Collectors.toSet());
        }
    }
}
