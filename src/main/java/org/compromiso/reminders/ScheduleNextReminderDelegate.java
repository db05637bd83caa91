package org.compromiso.reminders;

import java.util.Arrays;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Task_ScheduleNextReminder: takes the next reminder off the task's schedule and sets the timer to it. */
@Component
class ScheduleNextReminderDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(next((String) execution.getVariable("schedule")));
    }

    /**
     * The variables that set Timer_NextReminder to the first reminder of a schedule ({@code nextRule} null when
     * there is none) and keep the rest in {@code schedule}.
     */
    static VariableMap next(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return Variables.createVariables().putValue("nextRule", null);
        }
        String[] entries = schedule.split(";");
        var next = ReminderPolicy.ScheduledReminder.decode(entries[0]);
        return Variables.fromMap(Map.of("nextRule", next.rule(), "nextFireAt", Date.from(next.fireAt()),
                "schedule", String.join(";", Arrays.copyOfRange(entries, 1, entries.length))));
    }
}
