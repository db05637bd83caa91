package org.compromiso.commitments;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What leadership adds to a commitment's derived status: compliance assessments per party and colour overrides,
 * each with its reason, kept append-only and mirrored in the commitment's history.
 */
@Repository
public class LeadershipJudgements {

    private final JdbcClient jdbc;
    private final CommitmentHistory history;
    private final Clock clock;

    LeadershipJudgements(JdbcClient jdbc, CommitmentHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** A compliance score of one party for one reporting period ({@code 2024-Q1}, {@code 2024-H1}, {@code 2024-03}). */
    public record Assessment(String period, String party, int score, String rationale, String assessor) {
    }

    @Transactional
    public void assess(String code, Assessment assessment) {
        int rows = jdbc.sql("""
                        INSERT INTO assessment (commitment_id, period, party, score, rationale, assessor, at)
                        SELECT c.id, ?, ?, ?, ?, ?, ? FROM commitment c
                        WHERE c.code = ? AND EXISTS (SELECT 1 FROM commitment_agency a
                                                     WHERE a.commitment_id = c.id AND a.party = ?)""")
                .params(assessment.period(), assessment.party(), assessment.score(), assessment.rationale(),
                        assessment.assessor(), Timestamp.from(clock.instant()), code, assessment.party())
                .update();
        if (rows == 0) {
            throw new InvalidCommitmentException(List.of(new FieldProblem("party",
                    assessment.party() + " takes no part in " + code)));
        }
        history.record(code, new Actor(assessment.assessor(), "api"), "assessed",
                Map.of("period", assessment.period(), "party", assessment.party(), "score", assessment.score()),
                assessment.rationale());
    }

    public List<Assessment> assessmentsOf(String code) {
        return jdbc.sql("""
                        SELECT a.period, a.party, a.score, a.rationale, a.assessor FROM assessment a
                        JOIN commitment c ON c.id = a.commitment_id WHERE c.code = ? ORDER BY a.at""")
                .param(code).query(Assessment.class).list();
    }

    /** Sets the colour leadership shows for the commitment (null: back to the derived status); the comment is required. */
    @Transactional
    public void overrideStatus(String code, String status, String comment, String author) {
        jdbc.sql("""
                        INSERT INTO status_override (commitment_id, status, comment, author)
                        SELECT id, ?, ?, ? FROM commitment WHERE code = ?""")
                .params(status, comment, author, code).update();
        history.record(code, new Actor(author, "api"), "status-overridden",
                status == null ? Map.of("status", "derived") : Map.of("status", status), comment);
    }
}
