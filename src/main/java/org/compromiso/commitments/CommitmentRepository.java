package org.compromiso.commitments;

import java.sql.Timestamp;
import java.time.Clock;

import org.compromiso.identity.AgencyDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes commitments and their agencies. A commitment is stamped with the service's clock, not the database's, so
 * the reports' "recorded by then" agrees with the engine's history, whose times come from the same clock.
 */
@Repository
class CommitmentRepository {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Clock clock;

    CommitmentRepository(JdbcClient jdbc, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.clock = clock;
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM commitment WHERE code = ?").param(code).query(Integer.class).single() > 0;
    }

    void insert(NewCommitment c) {
        long id = jdbc.sql("""
                        INSERT INTO commitment (code, meeting_id, title, title_es, description, kind, target_date,
                                                target_basis, continuing, priority, source_document, quote,
                                                quote_language, created_at, updated_at)
                        SELECT ?, m.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM meeting m WHERE m.code = ?
                        RETURNING id""")
                .params(c.code(), c.title(), c.titleEs(), c.description(), c.kind(), c.targetDate(), c.targetBasis(),
                        c.continuing(), c.priority(), c.provenance().document(), c.provenance().quote(),
                        c.provenance().language(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                        c.meetingCode())
                .query(Long.class).single();
        c.leadAgencies().forEach((party, agency) -> insertAgency(id, agency, "lead"));
        c.contributingAgencies().stream()
                .filter(agency -> !c.leadAgencies().containsValue(agency))
                .distinct()
                .forEach(agency -> insertAgency(id, agency, "contributor"));
    }

    /** The agency's party comes from identity's directory, not its table; the rules refused unknown agencies. */
    private void insertAgency(long commitmentId, String agency, String role) {
        agencies.find(agency).ifPresent(known -> jdbc.sql("""
                        INSERT INTO commitment_agency (commitment_id, agency, party, role) VALUES (?, ?, ?, ?)""")
                .params(commitmentId, known.code(), known.party(), role).update());
    }

    void setProcessInstance(String code, String processInstanceId) {
        jdbc.sql("UPDATE commitment SET process_instance_id = ? WHERE code = ?").params(processInstanceId, code).update();
    }

    /** Moves an open commitment to a final lifecycle state; false when it is not open. */
    boolean close(String code, String lifecycle, String reason) {
        return jdbc.sql("""
                        UPDATE commitment SET lifecycle = ?, lifecycle_reason = ?, updated_at = now()
                        WHERE code = ? AND lifecycle = 'open'""")
                .params(lifecycle, reason, code).update() == 1;
    }

    /** Writes the fields a correction may change (titles, description, target basis, priority, provenance). */
    void correct(NewCommitment c) {
        jdbc.sql("""
                        UPDATE commitment SET title = ?, title_es = ?, description = ?, target_basis = ?, priority = ?,
                                              source_document = ?, quote = ?, quote_language = ?, updated_at = now()
                        WHERE code = ?""")
                .params(c.title(), c.titleEs(), c.description(), c.targetBasis(), c.priority(), c.provenance().document(),
                        c.provenance().quote(), c.provenance().language(), c.code())
                .update();
    }

    /** Moves the target date of an open commitment; false when it is not open. */
    boolean changeTargetDate(String code, java.time.LocalDate targetDate) {
        return jdbc.sql("UPDATE commitment SET target_date = ?, updated_at = now() WHERE code = ? AND lifecycle = 'open'")
                .params(targetDate, code).update() == 1;
    }

    /**
     * Marks an open commitment done when this process of it ended; false when it is closed already or the process
     * is not its own. The process id may not be stored yet when a process ends in the transaction that started it.
     */
    boolean markDone(String code, String processInstanceId) {
        return jdbc.sql("""
                        UPDATE commitment SET lifecycle = 'done', updated_at = now()
                        WHERE code = ? AND lifecycle = 'open'
                          AND (process_instance_id IS NULL OR process_instance_id = ?)""")
                .params(code, processInstanceId).update() == 1;
    }
}
