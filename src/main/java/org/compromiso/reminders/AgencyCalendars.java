package org.compromiso.reminders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * The calendar a task's deadline is counted in: that of the first agency among its candidate groups, or the
 * configured time zone with no holidays for the desk's and leadership's own tasks.
 */
@Component
class AgencyCalendars {

    private final AgencyDirectory agencies;
    private final PublicHolidays holidays;
    private final ReminderProperties properties;

    AgencyCalendars(AgencyDirectory agencies, PublicHolidays holidays, ReminderProperties properties) {
        this.agencies = agencies;
        this.holidays = holidays;
        this.properties = properties;
    }

    AgencyCalendar of(Collection<String> candidateGroups, ReminderProperties.Days days) {
        Optional<Agency> agency = candidateGroups.stream().map(agencies::find).flatMap(Optional::stream).findFirst();
        ZoneId zone = agency.map(found -> ZoneId.of(found.timeZone())).orElse(properties.timeZone());
        Set<LocalDate> closed = days == ReminderProperties.Days.WORKING && agency.isPresent()
                ? holidays.of(agency.get().party()) : Set.of();
        return new AgencyCalendar(zone, closed);
    }
}
