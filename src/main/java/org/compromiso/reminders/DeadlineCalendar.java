package org.compromiso.reminders;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An iCalendar (RFC 5545) text of deadlines, for mail attachments and calendar feeds. */
final class DeadlineCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DeadlineCalendar() {
    }

    /** One deadline in a calendar: when it is due, what, and where to open it. */
    record Deadline(String uid, Instant due, String summary, String description, String url) {
    }

    static String of(List<Deadline> deadlines, Instant stamp) {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Compromiso//Deadlines//EN\r\n")
                .append("CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        for (Deadline deadline : deadlines) {
            text.append("BEGIN:VEVENT\r\n")
                    .append("UID:").append(escape(deadline.uid())).append("\r\n")
                    .append("DTSTAMP:").append(UTC.format(stamp)).append("\r\n")
                    .append("DTSTART:").append(UTC.format(deadline.due())).append("\r\n")
                    .append("DTEND:").append(UTC.format(deadline.due().plusSeconds(1800))).append("\r\n")
                    .append("SUMMARY:").append(escape(deadline.summary())).append("\r\n")
                    .append("DESCRIPTION:").append(escape(deadline.description())).append("\r\n")
                    .append("URL:").append(deadline.url()).append("\r\n")
                    .append("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:")
                    .append(escape(deadline.summary())).append("\r\nEND:VALARM\r\n")
                    .append("END:VEVENT\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }

    /** Text values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }
}
