package org.compromiso.reminders;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts a reminder's offset from a deadline the way the agency lives it: whole days in its own time zone, so a
 * reminder keeps its local hour across a daylight-saving change, and, when asked, working days only (no
 * weekends, no public holidays of its party).
 */
record AgencyCalendar(ZoneId zone, Set<LocalDate> holidays) {

    /** The moment {@code offset} away from {@code due}: its days counted as {@code days} say, the rest as time. */
    Instant shift(Instant due, Duration offset, ReminderProperties.Days days) {
        long wholeDays = offset.toDays();   // toward zero: -P1DT2H is one day and two hours before
        Duration rest = offset.minusDays(wholeDays);
        ZonedDateTime local = due.atZone(zone);
        ZonedDateTime shifted = days == ReminderProperties.Days.WORKING
                ? moveWorkingDays(local, wholeDays) : local.plusDays(wholeDays);
        return shifted.plus(rest).toInstant();
    }

    boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    private ZonedDateTime moveWorkingDays(ZonedDateTime from, long days) {
        int step = days < 0 ? -1 : 1;
        ZonedDateTime day = from;
        for (long left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day.toLocalDate())) {
                left--;
            }
        }
        return day;
    }
}
