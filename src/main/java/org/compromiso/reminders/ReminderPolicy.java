package org.compromiso.reminders;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Which reminders a task gets and when: the configured rules, unless the task's model says otherwise with the
 * extension property {@code reminders} (rule ids separated by commas, or {@code none}).
 */
@Component
class ReminderPolicy {

    static final String OVERRIDE_PROPERTY = "reminders";

    private final ReminderProperties properties;
    private final RepositoryService repository;

    ReminderPolicy(ReminderProperties properties, RepositoryService repository) {
        this.properties = properties;
        this.repository = repository;
    }

    /** The reminders still to come for a task due then, soonest first. */
    List<ScheduledReminder> schedule(String processDefinitionId, String taskKey, Instant due, Instant now) {
        Set<String> allowed = override(processDefinitionId, taskKey);
        return properties.rules().stream()
                .filter(rule -> allowed == null || allowed.contains(rule.id()))
                .map(rule -> new ScheduledReminder(rule.id(), due.plus(rule.offset())))
                .filter(reminder -> reminder.fireAt().isAfter(now))
                .sorted(Comparator.comparing(ScheduledReminder::fireAt))
                .toList();
    }

    private Set<String> override(String processDefinitionId, String taskKey) {
        UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
        if (task == null || task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(list -> list.getCamundaProperties().stream())
                .filter(property -> OVERRIDE_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .map(value -> Arrays.stream(value.split(",")).map(String::trim)
                        .filter(id -> !id.isEmpty() && !id.equals("none")).collect(Collectors.toSet()))
                .orElse(null);
    }

    /** One reminder of a rule, and when it fires. */
    record ScheduledReminder(String rule, Instant fireAt) {

        String encode() {
            return rule + "@" + fireAt.toEpochMilli();
        }

        static ScheduledReminder decode(String text) {
            int at = text.lastIndexOf('@');
            return new ScheduledReminder(text.substring(0, at), Instant.ofEpochMilli(Long.parseLong(text.substring(at + 1))));
        }
    }
}
