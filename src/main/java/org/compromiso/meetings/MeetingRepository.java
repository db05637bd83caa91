package org.compromiso.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings in PostgreSQL. */
@Repository
public class MeetingRepository {

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new meeting and returns its id. */
    public long insert(Meeting meeting) {
        long id = jdbc.sql("""
                        INSERT INTO meeting (code, title, held_on, ends_on, place, summary)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(meeting.code(), meeting.title(), meeting.heldOn(), meeting.endsOn(), meeting.place(),
                        meeting.summary())
                .query(Long.class).single();
        insertParts(id, meeting);
        return id;
    }

    private void insertParts(long id, Meeting meeting) {
        for (var source : meeting.sources()) {
            jdbc.sql("INSERT INTO meeting_source (meeting_id, document, title) VALUES (?, ?, ?)")
                    .params(id, source.document(), source.title()).update();
        }
        meeting.delegations().forEach((party, delegates) -> {
            for (int position = 0; position < delegates.size(); position++) {
                var delegate = delegates.get(position);
                jdbc.sql("INSERT INTO meeting_delegate (meeting_id, party, position, name, role) VALUES (?, ?, ?, ?, ?)")
                        .params(id, party, position, delegate.name(), delegate.role()).update();
            }
        });
    }

    /**
     * The fields in which the corrected meeting differs from the stored one with its code; empty when it says
     * what is stored. Sources and delegations count as one field each.
     */
    public List<MeetingChange> differences(Meeting stored, Meeting corrected) {
        var changes = new ArrayList<MeetingChange>();
        compare(changes, "title", stored.title(), corrected.title());
        compare(changes, "heldOn", stored.heldOn(), corrected.heldOn());
        compare(changes, "endsOn", stored.endsOn(), corrected.endsOn());
        compare(changes, "place", stored.place(), corrected.place());
        compare(changes, "summary", stored.summary(), corrected.summary());
        compare(changes, "sources", new HashSet<>(stored.sources()), new HashSet<>(corrected.sources()));
        compare(changes, "delegations", stored.delegations(), corrected.delegations());
        return changes;
    }

    private static void compare(List<MeetingChange> changes, String field, Object stored, Object corrected) {
        if (!Objects.equals(stored, corrected)) {
            changes.add(new MeetingChange(field, stored == null ? null : stored.toString(),
                    corrected == null ? null : corrected.toString()));
        }
    }

    /** Writes the corrected meeting over the stored one with its code, each changed field in its history. */
    public void correct(Meeting corrected, List<MeetingChange> changes, String actor, String surface) {
        long id = idOf(corrected.code()).orElseThrow();
        jdbc.sql("UPDATE meeting SET title = ?, held_on = ?, ends_on = ?, place = ?, summary = ? WHERE id = ?")
                .params(corrected.title(), corrected.heldOn(), corrected.endsOn(), corrected.place(),
                        corrected.summary(), id)
                .update();
        jdbc.sql("DELETE FROM meeting_source WHERE meeting_id = ?").param(id).update();
        jdbc.sql("DELETE FROM meeting_delegate WHERE meeting_id = ?").param(id).update();
        insertParts(id, corrected);
        for (var change : changes) {
            jdbc.sql("""
                            INSERT INTO meeting_history (meeting_id, actor, surface, action, detail)
                            VALUES (?, ?, ?, 'corrected', jsonb_build_object('field', ?::text, 'from', ?::text, 'to', ?::text))""")
                    .params(id, actor, surface, change.field(), change.from(), change.to()).update();
        }
    }

    /** The earliest target date of the meeting's commitments: the meeting cannot start after it. */
    public Optional<LocalDate> earliestTargetDate(String code) {
        return jdbc.sql("""
                        SELECT min(c.target_date) FROM commitment c JOIN meeting m ON m.id = c.meeting_id
                        WHERE m.code = ?""")
                .param(code).query((rs, row) -> rs.getObject(1, LocalDate.class)).list().stream()
                .filter(Objects::nonNull).findFirst();
    }

    /** The meeting's corrections, oldest first, as {@code field: from -> to} lines. */
    public List<MeetingChange> corrections(String code) {
        return jdbc.sql("""
                        SELECT h.detail ->> 'field', h.detail ->> 'from', h.detail ->> 'to'
                        FROM meeting_history h JOIN meeting m ON m.id = h.meeting_id
                        WHERE m.code = ? ORDER BY h.at, h.id""")
                .param(code).query((rs, row) -> new MeetingChange(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM meeting WHERE code = ?").param(code).query(Long.class).optional();
    }

    public List<Meeting> findAll() {
        return jdbc.sql("SELECT code FROM meeting ORDER BY held_on, code").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Meeting> find(String code) {
        return jdbc.sql("SELECT id, code, title, held_on, ends_on, place, summary FROM meeting WHERE code = ?")
                .param(code)
                .query((rs, row) -> new Meeting(rs.getString("code"), rs.getString("title"),
                        rs.getObject("held_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("place"),
                        rs.getString("summary"), sources(rs.getLong("id")), delegations(rs.getLong("id"))))
                .optional();
    }

    private List<Meeting.Source> sources(long meetingId) {
        return jdbc.sql("SELECT document, title FROM meeting_source WHERE meeting_id = ? ORDER BY document")
                .param(meetingId).query(Meeting.Source.class).list();
    }

    private Map<String, List<Meeting.Delegate>> delegations(long meetingId) {
        var delegations = new LinkedHashMap<String, List<Meeting.Delegate>>();
        jdbc.sql("SELECT party, name, role FROM meeting_delegate WHERE meeting_id = ? ORDER BY party, position")
                .param(meetingId)
                .query(rs -> {
                    delegations.computeIfAbsent(rs.getString("party"), party -> new ArrayList<>())
                            .add(new Meeting.Delegate(rs.getString("name"), rs.getString("role")));
                });
        return delegations;
    }
}
