package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.compromiso.reminders.ReminderProperties.Days;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgencyCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    // from db/migration/V4__public_holidays.sql
    private static final Set<LocalDate> US_2024 = Set.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19),
            LocalDate.of(2024, 11, 28));
    private static final Set<LocalDate> MX_2024 = Set.of(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 3, 18));

    @ParameterizedTest(name = "{0} {1} from {2} in {3} → {4}")
    @CsvSource({
            // daylight-saving time starts in New York on 2024-03-10: the reminder keeps 09:00 local, not 08:00
            "CALENDAR, -P7D,  2024-03-12T09:00, America/New_York,    2024-03-05T09:00",
            "CALENDAR, -P2D,  2024-03-11T09:00, America/New_York,    2024-03-09T09:00",
            // and ends on 2024-11-03
            "CALENDAR, P3D,   2024-11-01T17:00, America/New_York,    2024-11-04T17:00",
            "CALENDAR, -P1DT2H, 2024-03-11T09:00, America/New_York,  2024-03-10T07:00",
            "CALENDAR, PT0S,  2024-03-12T09:00, America/New_York,    2024-03-12T09:00",
            // Mexico City keeps no daylight-saving time since 2022
            "CALENDAR, -P7D,  2024-04-10T10:00, America/Mexico_City, 2024-04-03T10:00",
            // working days: weekends and the party's holidays do not count
            "WORKING,  -P2D,  2024-02-06T00:00, America/Mexico_City, 2024-02-01T00:00",
            "WORKING,  -P7D,  2024-03-22T00:00, America/Mexico_City, 2024-03-12T00:00",
            "WORKING,  P3D,   2024-01-12T09:00, America/New_York,    2024-01-18T09:00",
            "WORKING,  P7D,   2024-11-22T09:00, America/New_York,    2024-12-04T09:00",
            "WORKING,  PT0S,  2024-01-13T09:00, America/New_York,    2024-01-13T09:00",
    })
    void offsetsCountDaysInTheAgencysZoneAndCalendar(Days days, String offset, LocalDateTime due, ZoneId zone,
                                                      LocalDateTime expected) {
        var calendar = new AgencyCalendar(zone, zone.equals(NEW_YORK) ? US_2024 : MX_2024);

        Instant fires = calendar.shift(due.atZone(zone).toInstant(), Duration.parse(offset), days);

        assertThat(fires.atZone(zone).toLocalDateTime()).isEqualTo(expected);
    }

    @Test
    void aHolidayIsNoWorkingDayInItsPartyOnly() {
        assertThat(new AgencyCalendar(MEXICO_CITY, MX_2024).isWorkingDay(LocalDate.of(2024, 2, 5))).isFalse();
        assertThat(new AgencyCalendar(NEW_YORK, US_2024).isWorkingDay(LocalDate.of(2024, 2, 5))).isTrue();
        assertThat(new AgencyCalendar(NEW_YORK, US_2024).isWorkingDay(LocalDate.of(2024, 2, 3))).isFalse();
    }

    @Test
    void theScheduleKeepsOnlyRemindersStillToComeSoonestFirst() {
        var rules = List.of(
                new ReminderProperties.Rule("escalate", Duration.ofDays(3), ReminderProperties.Kind.ESCALATION,
                        ReminderProperties.Audience.SUPERVISORS),
                new ReminderProperties.Rule("due", Duration.ZERO, ReminderProperties.Kind.REMINDER,
                        ReminderProperties.Audience.TASK),
                new ReminderProperties.Rule("before-7d", Duration.ofDays(-7), ReminderProperties.Kind.REMINDER,
                        ReminderProperties.Audience.TASK));
        Instant due = LocalDateTime.of(2024, 3, 12, 9, 0).atZone(NEW_YORK).toInstant();
        Instant now = LocalDateTime.of(2024, 3, 6, 9, 0).atZone(NEW_YORK).toInstant();

        var schedule = new ReminderPolicy.ForTask(rules, Days.CALENDAR)
                .schedule(new AgencyCalendar(NEW_YORK, Set.of()), due, now);

        assertThat(schedule).extracting(ReminderPolicy.ScheduledReminder::rule).containsExactly("due", "escalate");
        assertThat(ReminderPolicy.ScheduledReminder.decode(schedule.get(1).encode())).isEqualTo(schedule.get(1));
    }
}
