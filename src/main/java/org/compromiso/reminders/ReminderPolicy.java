package org.compromiso.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.engine.ModelProperties;
import org.springframework.stereotype.Component;

/**
 * Which reminders a task gets and when: the configured rules, unless the task's model says otherwise with the
 * extension properties {@code reminders} (rule ids separated by commas, each optionally with an offset of its
 * own, {@code due,escalate-supervisors:P1D}; or {@code none}) and {@code reminderDays} ({@code working} or
 * {@code calendar}).
 */
@Component
class ReminderPolicy {

    static final String OVERRIDE_PROPERTY = "reminders";
    static final String DAYS_PROPERTY = "reminderDays";

    private final ReminderProperties properties;
    private final RepositoryService repository;
    // a deployed process definition never changes, so neither do its tasks' rules; a new version has a new id
    private final Map<String, ForTask> byTask = new ConcurrentHashMap<>();

    ReminderPolicy(ReminderProperties properties, RepositoryService repository) {
        this.properties = properties;
        this.repository = repository;
    }

    /** The rules of this task of this process, and how their days are counted. */
    ForTask forTask(String processDefinitionId, String taskKey) {
        return byTask.computeIfAbsent(processDefinitionId + "#" + taskKey, key -> read(processDefinitionId, taskKey));
    }

    private ForTask read(String processDefinitionId, String taskKey) {
        UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
        var rules = property(task, OVERRIDE_PROPERTY).map(this::overridden).orElse(properties.rules());
        var days = property(task, DAYS_PROPERTY)
                .map(value -> ReminderProperties.Days.valueOf(value.strip().toUpperCase()))
                .orElse(properties.days());
        return new ForTask(rules, days);
    }

    private List<ReminderProperties.Rule> overridden(String value) {
        var rules = new ArrayList<ReminderProperties.Rule>();
        for (String entry : value.split(",")) {
            String id = entry.strip();
            if (id.isEmpty() || id.equals("none")) {
                continue;
            }
            int colon = id.indexOf(':');
            var rule = properties.rule(colon < 0 ? id : id.substring(0, colon));
            rules.add(colon < 0 ? rule : new ReminderProperties.Rule(rule.id(), Duration.parse(id.substring(colon + 1)),
                    rule.kind(), rule.audience()));
        }
        return rules;
    }

    private static Optional<String> property(UserTask task, String name) {
        return ModelProperties.first(task, name);
    }

    /** The rules one task follows and how its days count. */
    record ForTask(List<ReminderProperties.Rule> rules, ReminderProperties.Days days) {

        /** The reminders still to come for a task due then, in its agency's calendar, soonest first. */
        List<ScheduledReminder> schedule(AgencyCalendar calendar, Instant due, Instant now) {
            return rules.stream()
                    .map(rule -> new ScheduledReminder(rule.id(), calendar.shift(due, rule.offset(), days)))
                    .filter(reminder -> reminder.fireAt().isAfter(now))
                    .sorted(Comparator.comparing(ScheduledReminder::fireAt))
                    .toList();
        }

        /**
         * The reminders of a task created then: those still to come and, when it was created already past its
         * due date, first and at once the latest rule from the due date on whose time has passed, so the task
         * gets one overdue notice now rather than silence until its next escalation. It keeps its rule's id, so
         * the outbox sends it once, like any other reminder of that rule.
         */
        List<ScheduledReminder> scheduleFromCreation(AgencyCalendar calendar, Instant due, Instant created) {
            var upcoming = schedule(calendar, due, created);
            if (due.isAfter(created)) {
                return upcoming;
            }
            return rules.stream()
                    .filter(rule -> !rule.offset().isNegative())
                    .map(rule -> new ScheduledReminder(rule.id(), calendar.shift(due, rule.offset(), days)))
                    .filter(reminder -> !reminder.fireAt().isAfter(created))
                    .max(Comparator.comparing(ScheduledReminder::fireAt))
                    .map(passed -> Stream.concat(Stream.of(new ScheduledReminder(passed.rule(), created)),
                            upcoming.stream()).toList())
                    .orElse(upcoming);
        }
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
