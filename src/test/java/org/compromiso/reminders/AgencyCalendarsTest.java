package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.compromiso.reminders.ReminderProperties.Days;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which calendar a task's deadline is counted in: its first agency's, or the configured zone's for the desk. */
class AgencyCalendarsTest {

    static final ZoneId DESK_ZONE = ZoneId.of("America/Mexico_City");
    static final Set<LocalDate> US_HOLIDAYS = Set.of(LocalDate.of(2024, 2, 19));

    final AgencyDirectory agencies = mock(AgencyDirectory.class);
    final PublicHolidays holidays = mock(PublicHolidays.class);
    final AgencyCalendars calendars = new AgencyCalendars(agencies, holidays, new ReminderProperties(List.of(),
            "compromiso@localhost", "", 30, 5, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 50, 1,
            Days.CALENDAR, DESK_ZONE));

    @BeforeEach
    void directory() {
        when(agencies.find(anyString())).thenReturn(Optional.empty());
        when(agencies.find("gsa")).thenReturn(Optional.of(new Agency("gsa", "US", "GSA", "General Services", "GSA",
                "America/New_York")));
        when(agencies.find("sre")).thenReturn(Optional.of(new Agency("sre", "MX", "SRE", "Foreign Affairs", "SRE",
                "America/Mexico_City")));
        when(holidays.of("US")).thenReturn(US_HOLIDAYS);
    }

    @Test
    void theFirstAgencyAmongTheCandidateGroupsCountsInItsZoneWithItsPartysHolidays() {
        var calendar = calendars.of(List.of("desk", "gsa", "sre"), Days.WORKING);

        assertThat(calendar).isEqualTo(new AgencyCalendar(ZoneId.of("America/New_York"), US_HOLIDAYS));
    }

    @Test
    void calendarDaysNeedNoHolidays() {
        var calendar = calendars.of(List.of("gsa"), Days.CALENDAR);

        assertThat(calendar).isEqualTo(new AgencyCalendar(ZoneId.of("America/New_York"), Set.of()));
        verify(holidays, never()).of(anyString());
    }

    @Test
    void aTaskOfNoAgencyCountsInTheConfiguredZoneWithoutHolidays() {
        var calendar = calendars.of(List.of("desk", "leadership"), Days.WORKING);

        assertThat(calendar).isEqualTo(new AgencyCalendar(DESK_ZONE, Set.of()));
    }
}
