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

    /** Records these outcomes for the process, replacing what an earlier import recorded of the same codes. */
    public void stage(String processInstanceId, List<NewCommitment> outcomes, Actor actor) {
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
    public List<NewCommitment> of(String processInstanceId) {
        return jdbc.sql("""
                        SELECT commitment::text FROM staged_outcome WHERE process_instance_id = ?
                        ORDER BY position, code""")
                .param(processInstanceId).query(String.class).list().stream().map(this::read).toList();
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
