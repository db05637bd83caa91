package org.compromiso.reminders;

import java.util.List;

import org.compromiso.commitments.CommitmentQueries;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.stereotype.Component;

/** What a reminder says whatever the language: the commitment, the agencies waiting, the time zone of its dates. */
@Component
class ReminderContent {

    private final CommitmentQueries commitments;
    private final AgencyDirectory agencies;
    private final AgencyCalendars calendars;

    ReminderContent(CommitmentQueries commitments, AgencyDirectory agencies, AgencyCalendars calendars) {
        this.commitments = commitments;
        this.agencies = agencies;
        this.calendars = calendars;
    }

    /** The reminder's content, naming the agencies of these candidate groups as the ones waiting. */
    ReminderMail.Content of(ReminderOutbox.PendingReminder reminder, List<String> groups) {
        String title = reminder.commitmentCode() == null ? ""
                : commitments.title(reminder.commitmentCode()).orElse("");
        List<String> waitingOn = groups.stream()
                .map(group -> agencies.find(group).map(agency -> agency.shortName()).orElse(group)).toList();
        var zone = calendars.of(groups, ReminderProperties.Days.CALENDAR).zone();
        return new ReminderMail.Content(reminder, title, waitingOn, zone);
    }
}
