package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compromiso.reminders.ReminderProperties.Audience;
import org.compromiso.reminders.ReminderProperties.Days;
import org.compromiso.reminders.ReminderProperties.Kind;
import org.compromiso.reminders.ReminderProperties.Rule;
import org.junit.jupiter.api.Test;

/** Which rules a task follows: the configured ones, unless its model's extension properties say otherwise. */
class ReminderPolicyTest {

    static final Rule BEFORE_7D = new Rule("before-7d", Duration.ofDays(-7), Kind.REMINDER, Audience.TASK);
    static final Rule DUE = new Rule("due", Duration.ZERO, Kind.REMINDER, Audience.TASK);
    static final Rule ESCALATE = new Rule("escalate-supervisors", Duration.ofDays(3), Kind.ESCALATION,
            Audience.SUPERVISORS);

    static final AgencyCalendar CALENDAR = new AgencyCalendar(ZoneId.of("America/Mexico_City"), Set.of());

    final RepositoryService repository = mock(RepositoryService.class);
    final ReminderPolicy policy = new ReminderPolicy(new ReminderProperties(List.of(BEFORE_7D, DUE, ESCALATE),
            "compromiso@localhost", "", 30, 5, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 50, 1,
            Days.CALENDAR, ZoneId.of("America/Mexico_City")), repository);

    @Test
    void aTaskItsModelSaysNothingAboutFollowsTheConfiguredRulesInCalendarDays() {
        deployed("plain:1", "");

        var forTask = policy.forTask("plain:1", "Task_Trial");

        assertThat(forTask.rules()).containsExactly(BEFORE_7D, DUE, ESCALATE);
        assertThat(forTask.days()).isEqualTo(Days.CALENDAR);
    }

    @Test
    void aModelNamesItsTasksRulesEachWithAnOffsetOfItsOwnAndCountsWorkingDays() {
        deployed("own:1", property("reminders", " due , escalate-supervisors:P1D,")
                + property("reminderDays", " Working "));

        var forTask = policy.forTask("own:1", "Task_Trial");

        assertThat(forTask.rules()).containsExactly(DUE,
                new Rule("escalate-supervisors", Duration.ofDays(1), Kind.ESCALATION, Audience.SUPERVISORS));
        assertThat(forTask.days()).isEqualTo(Days.WORKING);
    }

    @Test
    void aTaskCreatedPastItsDueDateGetsTheLatestPassedRuleAtOnceThenTheRest() {
        var forTask = new ReminderPolicy.ForTask(List.of(BEFORE_7D, DUE, ESCALATE), Days.CALENDAR);
        var due = Instant.parse("2024-02-05T06:00:00Z");
        var created = due.plus(Duration.ofDays(1));

        assertThat(forTask.scheduleFromCreation(CALENDAR, due, created)).containsExactly(
                new ReminderPolicy.ScheduledReminder("due", created),
                new ReminderPolicy.ScheduledReminder("escalate-supervisors", due.plus(Duration.ofDays(3))));
    }

    @Test
    void aTaskCreatedPastItsFirstEscalationGetsThatEscalationAtOnceAndNothingEarlier() {
        var forTask = new ReminderPolicy.ForTask(List.of(BEFORE_7D, DUE, ESCALATE), Days.CALENDAR);
        var due = Instant.parse("2024-02-05T06:00:00Z");
        var created = due.plus(Duration.ofDays(4));

        assertThat(forTask.scheduleFromCreation(CALENDAR, due, created))
                .containsExactly(new ReminderPolicy.ScheduledReminder("escalate-supervisors", created));
    }

    @Test
    void aTaskCreatedOnItsDueMomentGetsItsDueReminderAtOnce() {
        var forTask = new ReminderPolicy.ForTask(List.of(BEFORE_7D, DUE, ESCALATE), Days.CALENDAR);
        var due = Instant.parse("2024-02-05T06:00:00Z");

        assertThat(forTask.scheduleFromCreation(CALENDAR, due, due)).first()
                .isEqualTo(new ReminderPolicy.ScheduledReminder("due", due));
    }

    @Test
    void aTaskCreatedBeforeItsDueDateGetsOnlyWhatIsStillToCome() {
        var forTask = new ReminderPolicy.ForTask(List.of(BEFORE_7D, DUE, ESCALATE), Days.CALENDAR);
        var due = Instant.parse("2024-02-05T06:00:00Z");
        var created = due.minus(Duration.ofDays(3));

        assertThat(forTask.scheduleFromCreation(CALENDAR, due, created))
                .isEqualTo(forTask.schedule(CALENDAR, due, created))
                .extracting(ReminderPolicy.ScheduledReminder::rule).containsExactly("due", "escalate-supervisors");
    }

    @Test
    void aTaskWhoseRulesAreAllBeforeTheDueDateGetsNoOverdueNotice() {
        var forTask = new ReminderPolicy.ForTask(List.of(BEFORE_7D), Days.CALENDAR);
        var due = Instant.parse("2024-02-05T06:00:00Z");

        assertThat(forTask.scheduleFromCreation(CALENDAR, due, due.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void noneMeansNoReminders() {
        deployed("none:1", property("reminders", "none"));

        assertThat(policy.forTask("none:1", "Task_Trial").rules()).isEmpty();
    }

    @Test
    void propertiesOfOtherNamesAndTasksNotInTheModelChangeNothing() {
        deployed("other:1", property("owner", "due"));

        assertThat(policy.forTask("other:1", "Task_Trial").rules()).containsExactly(BEFORE_7D, DUE, ESCALATE);
        assertThat(policy.forTask("other:1", "Task_Elsewhere").rules()).containsExactly(BEFORE_7D, DUE, ESCALATE);
    }

    @Test
    void aRuleTheConfigurationLacksIsAnError() {
        deployed("typo:1", property("reminders", "due,before-3d"));

        assertThatThrownBy(() -> policy.forTask("typo:1", "Task_Trial"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No reminder rule before-3d");
    }

    @Test
    void aDeployedModelIsReadOncePerTask() {
        deployed("cached:1", property("reminders", "due"));

        policy.forTask("cached:1", "Task_Trial");
        policy.forTask("cached:1", "Task_Trial");

        verify(repository, times(1)).getBpmnModelInstance("cached:1");
    }

    @Test
    void aScheduledReminderSurvivesItsTextForm() {
        var reminder = new ReminderPolicy.ScheduledReminder("escalate@desk", java.time.Instant.ofEpochMilli(1707112800000L));

        assertThat(reminder.encode()).isEqualTo("escalate@desk@1707112800000");
        assertThat(ReminderPolicy.ScheduledReminder.decode(reminder.encode())).isEqualTo(reminder);
    }

    private void deployed(String definitionId, String properties) {
        String extensions = properties.isEmpty() ? ""
                : "<bpmn:extensionElements><camunda:properties>" + properties + "</camunda:properties></bpmn:extensionElements>";
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://compromiso.org/test">
                  <bpmn:process id="Trial" isExecutable="true">
                    <bpmn:userTask id="Task_Trial">%s</bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(extensions);
        when(repository.getBpmnModelInstance(definitionId))
                .thenReturn(Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static String property(String name, String value) {
        return "<camunda:property name=\"" + name + "\" value=\"" + value + "\"/>";
    }
}
