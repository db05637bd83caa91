package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The iCalendar text of deadlines that reminders attach and calendar feeds serve (RFC 5545). */
class DeadlineCalendarTest {

    static final Instant STAMP = Instant.parse("2024-01-22T10:00:00Z");

    @Test
    void aDeadlineIsAHalfHourEventInUtcWithAnAlarmTheDayBefore() {
        var deadline = new DeadlineCalendar.Deadline("task-1@compromiso", Instant.parse("2024-02-05T06:00:00Z"),
                "Plan the action", "Due for MX-US", "http://localhost:8080/camunda/app/tasklist/#/?task=1");

        String text = DeadlineCalendar.of(List.of(deadline), STAMP);

        assertThat(text).isEqualTo("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Compromiso//Deadlines//EN\r
                CALSCALE:GREGORIAN\r
                METHOD:PUBLISH\r
                BEGIN:VEVENT\r
                UID:task-1@compromiso\r
                DTSTAMP:20240122T100000Z\r
                DTSTART:20240205T060000Z\r
                DTEND:20240205T063000Z\r
                SUMMARY:Plan the action\r
                DESCRIPTION:Due for MX-US\r
                URL:http://localhost:8080/camunda/app/tasklist/#/?task=1\r
                BEGIN:VALARM\r
                ACTION:DISPLAY\r
                TRIGGER:-P1D\r
                DESCRIPTION:Plan the action\r
                END:VALARM\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
    }

    @Test
    void textValuesEscapeTheirSeparatorsAndLineBreaks() {
        var deadline = new DeadlineCalendar.Deadline("a;b", Instant.parse("2024-02-05T06:00:00Z"),
                "Plan; agree, sign \\ file", "one\r\ntwo\nthree\rfour", "https://example.org");

        String text = DeadlineCalendar.of(List.of(deadline), STAMP);

        assertThat(text).contains("UID:a\\;b\r\n", "SUMMARY:Plan\\; agree\\, sign \\\\ file\r\n",
                "DESCRIPTION:one\\ntwo\\nthree\\nfour\r\n");
    }

    @Test
    void anEmptyDescriptionStaysAnEmptyValueAndNoDeadlinesNoEvents() {
        var deadline = new DeadlineCalendar.Deadline("t", Instant.parse("2024-02-05T06:00:00Z"), "S", null, "u");

        assertThat(DeadlineCalendar.of(List.of(deadline), STAMP)).contains("DESCRIPTION:\r\n");
        assertThat(DeadlineCalendar.of(List.of(), STAMP)).doesNotContain("VEVENT").endsWith("METHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
    }
}
