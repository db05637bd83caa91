package org.compromiso.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.compromiso.commitments.NewCommitment;

/**
 * The outcomes recorded in Task_RecordOutcomes ({@code outcome1Title} ... {@code outcome5Quote}), read as the
 * commitments they become: agreed actions of the meeting {@code MX-US-<meetingHeldOn>}, coded after the commitment
 * that prepared it, led by the outcome's agencies or else by the preparing commitment's.
 */
record RecordedOutcomes(String parentCode, LocalDate heldOn, Map<Integer, NewCommitment> commitments) {

    private static final int MAX_OUTCOMES = 5;

    /**
     * Reads them from the process (or the task completing); a date that is not yyyy-mm-dd is refused, a date with a
     * time is the day it falls on in the service's zone.
     */
    static RecordedOutcomes of(VariableScope variables, ZoneId zone) {
        String parent = (String) variables.getVariable("commitmentCode");
        LocalDate heldOn = date(variables, "meetingHeldOn", zone);
        var commitments = new LinkedHashMap<Integer, NewCommitment>();
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            String title = text(variables, "outcome" + i + "Title", null);
            if (title != null) {
                commitments.put(i, outcome(variables, i, parent, meetingCode(heldOn), title, zone));
            }
        }
        return new RecordedOutcomes(parent, heldOn, commitments);
    }

    String meetingCode() {
        return meetingCode(heldOn);
    }

    private static String meetingCode(LocalDate heldOn) {
        return "MX-US-" + heldOn;
    }

    private static NewCommitment outcome(VariableScope variables, int i, String parent, String meetingCode,
                                         String title, ZoneId zone) {
        var leads = new LinkedHashMap<String, String>();
        leads.put("MX", text(variables, "outcome" + i + "LeadMX", (String) variables.getVariable("leadAgencyMX")));
        leads.put("US", text(variables, "outcome" + i + "LeadUS", (String) variables.getVariable("leadAgencyUS")));
        LocalDate target = date(variables, "outcome" + i + "TargetDate", zone);
        return new NewCommitment(parent + "-O" + i, meetingCode, title,
                "Agreed at the meeting prepared by " + parent + ".",
                "agreed-action", leads, List.of(), target,
                target == null ? null : "Date recorded with the meeting's outcomes.",
                target == null, "normal",
                new NewCommitment.Provenance("Outcome record of " + meetingCode,
                        text(variables, "outcome" + i + "Quote", title), "en"));
    }

    private static LocalDate date(VariableScope variables, String variable, ZoneId zone) {
        if (variables.getVariable(variable) instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String value = text(variables, variable, null);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException(variable + ": '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static String text(VariableScope variables, String variable, String fallback) {
        Object value = variables.getVariable(variable);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
