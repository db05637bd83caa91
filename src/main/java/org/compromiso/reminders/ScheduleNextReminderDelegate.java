package org.compromiso.reminders;

import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScheduleNextReminder: takes the next reminder off the task's schedule and sets the timer to it. */
@Component
class ScheduleNextReminderDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String schedule = (String) execution.getVariable("schedule");
        if (schedule == null || schedule.isBlank()) {
            execution.setVariable("nextRule", null);
            return;
        }
        String[] entries = schedule.split(";");
        var next = ReminderPolicy.ScheduledReminder.decode(entries[0]);
        execution.setVariable("nextRule", next.rule());
        execution.setVariable("nextFireAt", Date.from(next.fireAt()));
        execution.setVariable("schedule", String.join(";", Arrays.copyOfRange(entries, 1, entries.length)));
    }
}
