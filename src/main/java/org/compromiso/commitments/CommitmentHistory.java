package org.compromiso.commitments;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only history of every commitment; the database refuses updates and deletes. Entries are stamped with
 * the service's clock, the one the engine's history follows, so both tell one story.
 */
@Repository
public class CommitmentHistory {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CommitmentHistory(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Appends an entry for the commitment with this code. */
    public void record(String commitmentCode, Actor actor, String action, Map<String, ?> detail, String reason) {
        int rows = jdbc.sql("""
                        INSERT INTO commitment_history (commitment_id, actor, surface, action, detail, reason, at)
                        SELECT id, ?, ?, ?, ?::jsonb, ?, ? FROM commitment WHERE code = ?""")
                .params(actor.userId(), actor.surface(), action, toJson(detail), reason,
                        Timestamp.from(clock.instant()), commitmentCode)
                .update();
        if (rows != 1) {
            throw new CommitmentNotFoundException(commitmentCode);
        }
    }

    public List<HistoryEntry> of(String commitmentCode) {
        return jdbc.sql("""
                        SELECT h.at, h.actor, h.surface, h.action, h.detail::text AS detail, h.reason
                        FROM commitment_history h JOIN commitment c ON c.id = h.commitment_id
                        WHERE c.code = ? ORDER BY h.at, h.id""")
                .param(commitmentCode)
                .query((rs, row) -> new HistoryEntry(rs.getObject("at", java.time.OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("surface"), rs.getString("action"),
                        fromJson(rs.getString("detail")), rs.getString("reason")))
                .list();
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("History detail is not serializable", e);
        }
    }

    private Map<String, Object> fromJson(String detail) {
        try {
            return json.readValue(detail, DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt history detail", e);
        }
    }
}
