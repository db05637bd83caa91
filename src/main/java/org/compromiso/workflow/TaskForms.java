package org.compromiso.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Finds the Camunda Form of a user task in the task's own deployment and reads its fields, so the server can
 * check what Tasklist checks and record what the form asked, and show an earlier answer under its label in the
 * reader's language ({@link FormTranslations}). Deployments never change, so forms are cached.
 */
@Component
public class TaskForms {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private final RepositoryService repository;
    private final ObjectMapper json;
    private final Map<String, Optional<TaskForm>> cache = new ConcurrentHashMap<>();
    private final Map<String, Optional<TaskForm>> byTask = new ConcurrentHashMap<>();

    TaskForms(RepositoryService repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public Optional<TaskForm> of(DelegateTask task) {
        return of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /** The form of the user task with this id in this process definition, if it has one. */
    public Optional<TaskForm> of(String processDefinitionId, String taskDefinitionKey) {
        return of(processDefinitionId, taskDefinitionKey, Locale.ENGLISH);
    }

    /** The same form with its labels in this language where the form has them. */
    public Optional<TaskForm> of(String processDefinitionId, String taskDefinitionKey, Locale language) {
        // a definition's model and deployment never change either: a hit spares a completion two engine commands,
        // each with an authorization check in the database
        return byTask.computeIfAbsent(processDefinitionId + "/" + taskDefinitionKey + "/" + language.getLanguage(),
                key -> find(processDefinitionId, taskDefinitionKey, language));
    }

    private Optional<TaskForm> find(String processDefinitionId, String taskDefinitionKey, Locale language) {
        UserTask userTask = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
        String formRef = userTask == null ? null : userTask.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef == null) {
            return Optional.empty();
        }
        String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
        return cache.computeIfAbsent(deploymentId + "/" + formRef + "/" + language.getLanguage(),
                key -> load(deploymentId, formRef, language));
    }

    private Optional<TaskForm> load(String deploymentId, String formRef, Locale language) {
        for (var resource : repository.getDeploymentResources(deploymentId)) {
            if (!resource.getName().endsWith(".form")) {
                continue;
            }
            try (InputStream content = repository.getResourceAsStream(deploymentId, resource.getName())) {
                JsonNode form = FormTranslations.into(json.readTree(content), language);
                if (formRef.equals(form.path("id").asText())) {
                    var fields = new ArrayList<TaskForm.Field>();
                    collect(form.path("components"), fields);
                    return Optional.of(new TaskForm(formRef, List.copyOf(fields), options(form)));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable form " + resource.getName(), e);
            }
        }
        return Optional.empty();
    }

    private static void collect(JsonNode components, List<TaskForm.Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                JsonNode validate = component.path("validate");
                var values = new ArrayList<String>();
                component.path("values").forEach(value -> values.add(value.path("value").asText()));
                JsonNode properties = component.path("properties");
                fields.add(new TaskForm.Field(component.get("key").asText(), component.path("type").asText(),
                        component.path("label").asText(null), validate.path("required").asBoolean(false),
                        validate.path("pattern").asText(null), List.copyOf(values),
                        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                        decimal(validate.path("min")), decimal(validate.path("max")),
                        properties.path("ahead").asText("false").equals("true"),
                        properties.path("after").asText(null)));
            }
            collect(component.path("components"), fields);
        }
    }

    /** Each choice's options as the form shows them: field key, then value to label. */
    private static Map<String, Map<String, String>> options(JsonNode form) {
        var options = new LinkedHashMap<String, Map<String, String>>();
        for (JsonNode choice : form.findParents("values")) {
            if (choice.hasNonNull("key") && choice.path("values").isArray()) {
                var labels = new LinkedHashMap<String, String>();
                choice.path("values").forEach(option -> labels.put(option.path("value").asText(),
                        option.path("label").asText(option.path("value").asText())));
                options.put(choice.get("key").asText(), Map.copyOf(labels));
            }
        }
        return Map.copyOf(options);
    }

    private static BigDecimal decimal(JsonNode limit) {
        return limit.isNumber() ? limit.decimalValue() : null;
    }
}
