package org.compromiso.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                        INSERT INTO meeting (code, title, held_on, place, summary)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(meeting.code(), meeting.title(), meeting.heldOn(), meeting.place(), meeting.summary())
                .query(Long.class).single();
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
        return id;
    }

    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM meeting WHERE code = ?").param(code).query(Long.class).optional();
    }

    public List<Meeting> findAll() {
        return jdbc.sql("SELECT code FROM meeting ORDER BY held_on, code").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Meeting> find(String code) {
        return jdbc.sql("SELECT id, code, title, held_on, place, summary FROM meeting WHERE code = ?").param(code)
                .query((rs, row) -> new Meeting(rs.getString("code"), rs.getString("title"),
                        rs.getObject("held_on", java.time.LocalDate.class), rs.getString("place"),
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
