package org.compromiso.reminders;

import java.util.List;

import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.stereotype.Component;

/** What a reminder says whatever the language: the commitment, the agencies waiting, the time zone of its dates. */
@Component
class ReminderContent {

    private final CommitmentQueries commitments;
    private final ReminderRecipients recipients;
    private final AgencyDirectory agencies;
    private final AgencyCalendars calendars;

    ReminderContent(CommitmentQueries commitments, ReminderRecipients recipients, AgencyDirectory agencies,
                    AgencyCalendars calendars) {
        this.commitments = commitments;
        this.recipients = recipients;
        this.agencies = agencies;
        this.calendars = calendars;
    }

    ReminderMail.Content of(ReminderOutbox.PendingReminder reminder) {
        String title = reminder.commitmentCode() == null ? ""
                : commitments.find(reminder.commitmentCode()).map(detail -> detail.commitment().title()).orElse("");
        List<String> groups = recipients.candidateGroups(reminder.taskId());
        List<String> waitingOn = groups.stream()
                .map(group -> agencies.find(group).map(agency -> agency.shortName()).orElse(group)).toList();
        var zone = calendars.of(groups, ReminderProperties.Days.CALENDAR).zone();
        return new ReminderMail.Content(reminder, title, waitingOn, zone);
    }
}
