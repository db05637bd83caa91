package org.compromiso.reminders;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.task.Task;
import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.commitments.TaskNames;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * What a reminder says: the commitment and the step in each recipient language (a Spanish mail named the step in
 * English: "Recordatorio: Propose meeting dates vence ..."), the agencies waiting, the time zone of its dates.
 */
@Component
class ReminderContent {

    private final CommitmentQueries commitments;
    private final TaskNames names;
    private final AgencyDirectory agencies;
    private final AgencyCalendars calendars;

    ReminderContent(CommitmentQueries commitments, TaskNames names, AgencyDirectory agencies,
                    AgencyCalendars calendars) {
        this.commitments = commitments;
        this.names = names;
        this.agencies = agencies;
        this.calendars = calendars;
    }

    /**
     * The reminder's content in these languages, naming the agencies of these candidate groups as the ones waiting;
     * {@code task} is the reminder's open task, as the sender read it with the rest of its batch.
     */
    ReminderMail.Content of(ReminderOutbox.PendingReminder reminder, Task task, List<String> groups,
                            Collection<String> languages) {
        Map<String, ReminderMail.Wording> wording = languages.stream().distinct().collect(Collectors.toMap(
                Function.identity(), language -> wording(reminder, task, Locale.forLanguageTag(language))));
        List<String> waitingOn = groups.stream()
                .map(group -> agencies.find(group).map(agency -> agency.shortName()).orElse(group)).toList();
        var zone = calendars.of(groups, ReminderProperties.Days.CALENDAR).zone();
        return new ReminderMail.Content(reminder, wording, waitingOn, zone);
    }

    /** The step as the model names it in this language. */
    private ReminderMail.Wording wording(ReminderOutbox.PendingReminder reminder, Task task, Locale language) {
        String step = names.step(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), language);
        String title = reminder.commitmentCode() == null ? ""
                : commitments.title(reminder.commitmentCode(), language).orElse("");
        return new ReminderMail.Wording(step, title);
    }
}
