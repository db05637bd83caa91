package org.compromiso.commitments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes commitments and their agencies. */
@Repository
class CommitmentRepository {

    private final JdbcClient jdbc;

    CommitmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM commitment WHERE code = ?").param(code).query(Integer.class).single() > 0;
    }

    void insert(NewCommitment c) {
        long id = jdbc.sql("""
                        INSERT INTO commitment (code, meeting_id, title, description, kind, target_date, target_basis,
                                                continuing, priority, source_document, quote, quote_language)
                        SELECT ?, m.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM meeting m WHERE m.code = ?
                        RETURNING id""")
                .params(c.code(), c.title(), c.description(), c.kind(), c.targetDate(), c.targetBasis(),
                        c.continuing(), c.priority(), c.provenance().document(), c.provenance().quote(),
                        c.provenance().language(), c.meetingCode())
                .query(Long.class).single();
        c.leadAgencies().forEach((party, agency) -> insertAgency(id, agency, "lead"));
        c.contributingAgencies().stream()
                .filter(agency -> !c.leadAgencies().containsValue(agency))
                .distinct()
                .forEach(agency -> insertAgency(id, agency, "contributor"));
    }

    private void insertAgency(long commitmentId, String agency, String role) {
        jdbc.sql("""
                        INSERT INTO commitment_agency (commitment_id, agency, party, role)
                        SELECT ?, code, party, ? FROM agency WHERE code = ?""")
                .params(commitmentId, role, agency).update();
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
