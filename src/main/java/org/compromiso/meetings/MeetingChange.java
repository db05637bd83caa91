package org.compromiso.meetings;

/** One field of a registered meeting that a correction changes: from what, to what. */
public record MeetingChange(String field, String from, String to) {
}
