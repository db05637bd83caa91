package org.compromiso.commitments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The commitments recorded, before its coordinator completes Record outcomes, as the outcomes of the meeting that a
 * next-meeting process prepared: a desk's catalog of that meeting ({@code outcomesOf}). The process registers them
 * with the outcomes typed into the form; until then they are not commitments.
 */
@Component
public class StagedOutcomes {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    StagedOutcomes(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** One outcome waiting, and who recorded it (the desk that imported its catalog). */
    public record Staged(NewCommitment commitment, String stagedBy) {
    }

    /**
     * Records these outcomes of one meeting for the process, in place of what an earlier import of that meeting
     * recorded (a code corrected in the file does not leave its old spelling behind).
     */
    public void stage(String processInstanceId, List<NewCommitment> outcomes, Actor actor) {
        outcomes.stream().map(NewCommitment::meetingCode).distinct().forEach(meeting -> jdbc.sql("""
                        DELETE FROM staged_outcome WHERE process_instance_id = ? AND commitment ->> 'meetingCode' = ?""")
                .params(processInstanceId, meeting).update());
        for (int position = 0; position < outcomes.size(); position++) {
            var outcome = outcomes.get(position);
            jdbc.sql("""
                            INSERT INTO staged_outcome
                                (process_instance_id, code, position, commitment, staged_by, staged_at)
                            VALUES (?, ?, ?, ?::jsonb, ?, ?)
                            ON CONFLICT (process_instance_id, code) DO UPDATE SET position = EXCLUDED.position,
                                commitment = EXCLUDED.commitment, staged_by = EXCLUDED.staged_by,
                                staged_at = EXCLUDED.staged_at""")
                    .params(processInstanceId, outcome.code(), position, write(outcome), actor.userId(),
                            OffsetDateTime.now(clock))
                    .update();
        }
    }

    /** What was recorded for this process, in the order of its file. */
    public List<Staged> of(String processInstanceId) {
        return jdbc.sql("""
                        SELECT commitment::text, staged_by FROM staged_outcome WHERE process_instance_id = ?
                        ORDER BY position, code""")
                .param(processInstanceId)
                .query((rs, row) -> new Staged(read(rs.getString(1)), rs.getString(2))).list();
    }

    /** Forgets what was recorded for this process, once its process registered it. */
    public void clear(String processInstanceId) {
        jdbc.sql("DELETE FROM staged_outcome WHERE process_instance_id = ?").param(processInstanceId).update();
    }

    private String write(NewCommitment outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome " + outcome.code() + " cannot be written", e);
        }
    }

    private NewCommitment read(String stored) {
        try {
            return json.readValue(stored, NewCommitment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a staged outcome cannot be read: " + stored, e);
        }
    }
}
