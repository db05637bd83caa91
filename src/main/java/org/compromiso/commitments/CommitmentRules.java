package org.compromiso.commitments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.compromiso.parties.Parties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a new commitment must meet beyond its field formats: a known meeting and kind, a lead agency of the
 * right party for every party the kind's process needs, a target date not before the meeting.
 */
@Component
class CommitmentRules {

    /** A target date further out is a typo (PostgreSQL would refuse the largest ones outright). */
    static final int MAX_YEARS_AHEAD = 100;

    private final MeetingRepository meetings;
    private final CommitmentKinds kinds;
    private final AgencyDirectory agencies;
    private final Parties parties;
    private final JdbcClient jdbc;

    CommitmentRules(MeetingRepository meetings, CommitmentKinds kinds, AgencyDirectory agencies, Parties parties,
                    JdbcClient jdbc) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.kinds = kinds;
        this.agencies = agencies;
    }

    /** Every rule the commitment breaks; empty when it may be registered. */
    List<FieldProblem> check(NewCommitment commitment) {
        Optional<Meeting> meeting = meetings.find(commitment.meetingCode());
        var problems = new ArrayList<FieldProblem>();
        if (meeting.isEmpty()) {
            problems.add(new FieldProblem("meetingCode", "no meeting " + commitment.meetingCode()));
        }
        problems.addAll(check(commitment, meeting.map(Meeting::heldOn).orElse(null)));
        return problems;
    }

    /**
     * Every rule the commitment breaks but the meeting's existence, for a meeting not stored yet that was held on
     * this day (null: unknown, the target date is then not compared with it).
     */
    List<FieldProblem> check(NewCommitment commitment, LocalDate meetingHeldOn) {
        var problems = new ArrayList<FieldProblem>();
        Optional<CommitmentKind> kind = kinds.find(commitment.kind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("kind", "unknown kind '" + commitment.kind() + "'; known kinds: "
                    + String.join(", ", kinds.codes())));
        }
        var unknownParties = parties.unknown(commitment.leadAgencies().keySet());
        unknownParties.forEach(party -> problems.add(new FieldProblem("leadAgencies." + party,
                Parties.unknownParty(party))));
        commitment.leadAgencies().forEach((party, code) -> {
            if (!unknownParties.contains(party)) {
                checkAgency("leadAgencies." + party, code, party, problems);
            }
        });
        for (int i = 0; i < commitment.contributingAgencies().size(); i++) {
            checkAgency("contributingAgencies[" + i + "]", commitment.contributingAgencies().get(i), null, problems);
        }
        kind.ifPresent(k -> k.requiredParties().stream()
                .filter(party -> !commitment.leadAgencies().containsKey(party))
                .forEach(party -> problems.add(new FieldProblem("leadAgencies." + party,
                        "a " + k.code() + " needs a lead agency for " + party))));
        LocalDate target = commitment.targetDate();
        if (target == null && !commitment.continuing()) {
            problems.add(new FieldProblem("targetDate", "is required unless the commitment is continuing"));
        }
        if (target != null && meetingHeldOn != null && target.isBefore(meetingHeldOn)) {
            problems.add(new FieldProblem("targetDate", "must not be before the meeting (" + meetingHeldOn + ")"));
        }
        if (target != null && meetingHeldOn != null && target.isAfter(meetingHeldOn.plusYears(MAX_YEARS_AHEAD))) {
            problems.add(new FieldProblem("targetDate", "must be within " + MAX_YEARS_AHEAD + " years of the meeting"));
        }
        return problems;
    }

    private void checkAgency(String field, String code, String party, List<FieldProblem> problems) {
        Optional<Agency> agency = agencies.find(code);
        if (agency.isEmpty()) {
            problems.add(new FieldProblem(field, "unknown agency '" + code + "'"));
        } else if (party != null && !agency.get().party().equals(party)) {
            problems.add(new FieldProblem(field, "agency '" + code + "' belongs to " + agency.get().party()
                    + ", not " + party));
        }
    }

    Optional<LocalDate> targetDateOf(String code) {
        return commitmentDates(code).map(dates -> dates.target);
    }

    /** Whether the commitment with this code may move its target date there. */
    List<FieldProblem> checkTargetDate(String code, LocalDate target) {
        var dates = commitmentDates(code).orElseThrow(() -> new CommitmentNotFoundException(code));
        if (target == null) {
            return List.of(new FieldProblem("targetDate", "must not be null"));
        }
        if (target.isBefore(dates.meeting)) {
            return List.of(new FieldProblem("targetDate", "must not be before the meeting (" + dates.meeting + ")"));
        }
        if (target.isAfter(dates.meeting.plusYears(MAX_YEARS_AHEAD))) {
            return List.of(new FieldProblem("targetDate", "must be within " + MAX_YEARS_AHEAD + " years of the meeting"));
        }
        return List.of();
    }

    private Optional<Dates> commitmentDates(String code) {
        return jdbc.sql("""
                        SELECT c.target_date, m.held_on FROM commitment c JOIN meeting m ON m.id = c.meeting_id
                        WHERE c.code = ?""")
                .param(code)
                .query((rs, row) -> new Dates(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .optional();
    }

    private record Dates(LocalDate target, LocalDate meeting) {
    }
}
