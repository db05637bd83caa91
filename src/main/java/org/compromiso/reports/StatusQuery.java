package org.compromiso.reports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts behind every commitment's status as of a moment, in one SQL query over our tables and the engine's
 * history tables, whatever the number of commitments. Only rows written at or before that moment count, so the
 * answer for a past date does not change when work happens later.
 */
@Repository
class StatusQuery {

    private static final String SQL = """
            WITH c AS (
                SELECT c.id, c.code, m.code AS meeting_code, c.title, c.kind, c.target_date, c.continuing, c.quote,
                       c.source_document, c.process_instance_id
                FROM commitment c JOIN meeting m ON m.id = c.meeting_id
                WHERE c.created_at <= :asOf
                  AND (CAST(:meeting AS text) IS NULL OR m.code = :meeting)
                  AND (CAST(:agency AS text) IS NULL OR EXISTS (SELECT 1 FROM commitment_agency a
                                                          WHERE a.commitment_id = c.id AND a.agency = :agency))
                  AND (CAST(:party AS text) IS NULL OR EXISTS (SELECT 1 FROM commitment_agency a
                                                         WHERE a.commitment_id = c.id AND a.party = :party))
                  AND (CAST(:restricted AS boolean) = false OR EXISTS (SELECT 1 FROM commitment_agency a
                                                         WHERE a.commitment_id = c.id AND a.agency = ANY (:visible)))
            ), leads AS (
                SELECT a.commitment_id, string_agg(a.party || '=' || a.agency, ',' ORDER BY a.party) AS leads
                FROM commitment_agency a JOIN c ON c.id = a.commitment_id WHERE a.role = 'lead' GROUP BY a.commitment_id
            ), closing AS (
                SELECT DISTINCT ON (h.commitment_id) h.commitment_id, h.action
                FROM commitment_history h JOIN c ON c.id = h.commitment_id
                WHERE h.action IN ('closed-not-implemented', 'cancelled') AND h.at <= :asOf
                ORDER BY h.commitment_id, h.at DESC
            ), tasks AS (
                SELECT c.id AS commitment_id,
                       count(*) FILTER (WHERE t.end_time_ <= :asOf AND t.delete_reason_ = 'completed') AS done,
                       count(*) FILTER (WHERE t.start_time_ <= :asOf AND (t.end_time_ IS NULL OR t.end_time_ > :asOf)) AS open,
                       min(t.due_date_) FILTER (WHERE t.start_time_ <= :asOf AND (t.end_time_ IS NULL OR t.end_time_ > :asOf)) AS next_due,
                       (array_agg(t.name_ ORDER BY t.due_date_ NULLS LAST, t.start_time_)
                            FILTER (WHERE t.start_time_ <= :asOf AND (t.end_time_ IS NULL OR t.end_time_ > :asOf)))[1] AS current_step
                FROM c JOIN act_hi_taskinst t ON t.proc_inst_id_ = c.process_instance_id
                GROUP BY c.id
            ), activity AS (
                SELECT h.commitment_id, max(h.at) AS last_at,
                       array_agg(DISTINCT h.detail -> 'values' ->> 'evidenceLink')
                           FILTER (WHERE h.detail -> 'values' ->> 'evidenceLink' IS NOT NULL) AS evidence
                FROM commitment_history h JOIN c ON c.id = h.commitment_id
                WHERE h.at <= :asOf GROUP BY h.commitment_id
            ), last_completion AS (
                SELECT DISTINCT ON (h.commitment_id) h.commitment_id, h.detail
                FROM commitment_history h JOIN c ON c.id = h.commitment_id
                WHERE h.action = 'task-completed' AND h.at <= :asOf
                ORDER BY h.commitment_id, h.at DESC
            ), override AS (
                SELECT DISTINCT ON (o.commitment_id) o.commitment_id, o.status, o.comment
                FROM status_override o JOIN c ON c.id = o.commitment_id WHERE o.at <= :asOf
                ORDER BY o.commitment_id, o.at DESC
            )
            SELECT c.*, leads.leads, closing.action AS closing,
                   p.state_ = 'COMPLETED' AND p.end_time_ <= :asOf AS process_completed,
                   coalesce(tasks.done, 0) AS done, coalesce(tasks.open, 0) AS open, tasks.next_due, tasks.current_step,
                   activity.last_at, activity.evidence,
                   coalesce(last_completion.detail -> 'values' ->> 'blocker', 'false') = 'true' AS blocked,
                   last_completion.detail -> 'values' ->> 'blockerNote' AS blocker_note,
                   override.status AS override_status, override.comment AS override_comment
            FROM c
            LEFT JOIN leads ON leads.commitment_id = c.id
            LEFT JOIN closing ON closing.commitment_id = c.id
            LEFT JOIN act_hi_procinst p ON p.id_ = c.process_instance_id
            LEFT JOIN tasks ON tasks.commitment_id = c.id
            LEFT JOIN activity ON activity.commitment_id = c.id
            LEFT JOIN last_completion ON last_completion.commitment_id = c.id
            LEFT JOIN override ON override.commitment_id = c.id
            ORDER BY c.meeting_code, c.code
            """;

    private final JdbcClient jdbc;

    StatusQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The status of every commitment the filter and the viewer's agencies (null: all) allow, as of the end of that day. */
    List<CommitmentStatus> statuses(LocalDate asOf, ReportFilter filter, Set<String> visibleTo, StatusRules rules) {
        return statuses(endOf(asOf), asOf, filter, visibleTo, rules);
    }

    /** The same, as of a precise moment (judged against the day {@code today}). */
    List<CommitmentStatus> statuses(Timestamp at, LocalDate today, ReportFilter filter, Set<String> visibleTo,
                                    StatusRules rules) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", at);
        parameters.put("meeting", filter.meeting());
        parameters.put("agency", filter.agency());
        parameters.put("party", filter.party());
        parameters.put("restricted", visibleTo != null);
        parameters.put("visible", visibleTo == null ? new String[0] : visibleTo.toArray(String[]::new));
        return jdbc.sql(SQL).params(parameters).query((rs, row) -> line(rs, today, rules)).list();
    }

    /** The latest compliance score and rationale per commitment and party as of the end of that day. */
    Map<String, Map<String, Object[]>> assessments(Timestamp at) {
        Map<String, Map<String, Object[]>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (a.commitment_id, a.party) c.code, a.party, a.score, a.rationale
                        FROM assessment a JOIN commitment c ON c.id = a.commitment_id WHERE a.at <= ?
                        ORDER BY a.commitment_id, a.party, a.at DESC""")
                .param(at)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getString("code"), code -> new LinkedHashMap<>())
                            .put(rs.getString("party"), new Object[] {rs.getInt("score"), rs.getString("rationale")});
                });
        return scores;
    }

    static Timestamp endOf(LocalDate day) {
        return Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000));
    }

    private static CommitmentStatus line(ResultSet rs, LocalDate asOf, StatusRules rules) throws SQLException {
        String closing = rs.getString("closing");
        String lifecycle = "closed-not-implemented".equals(closing) ? "not_implemented"
                : "cancelled".equals(closing) ? "cancelled" : "open";
        LocalDate nextDeadline = day(rs.getTimestamp("next_due"));
        LocalDate lastActivity = day(rs.getTimestamp("last_at"));
        var facts = new StatusRules.Facts(lifecycle, rs.getBoolean("process_completed"),
                rs.getObject("target_date", LocalDate.class), rs.getBoolean("continuing"), nextDeadline,
                rs.getInt("done"), rs.getBoolean("blocked"), lastActivity);
        Status derived = rules.apply(facts, asOf);
        String override = rs.getString("override_status");
        var leads = new LinkedHashMap<String, String>();
        String joined = rs.getString("leads");
        if (joined != null) {
            Arrays.stream(joined.split(",")).forEach(pair -> leads.put(pair.substring(0, 2), pair.substring(3)));
        }
        return new CommitmentStatus(rs.getString("code"), rs.getString("meeting_code"), rs.getString("title"),
                rs.getString("kind"), override == null ? derived : Status.valueOf(override), derived,
                override == null ? null : rs.getString("override_comment"), leads, rs.getString("current_step"),
                nextDeadline, rs.getObject("target_date", LocalDate.class), rs.getInt("done"),
                rs.getInt("done") + rs.getInt("open"), rs.getString("quote"), rs.getString("source_document"),
                strings(rs.getArray("evidence")), rs.getBoolean("blocked"), rs.getString("blocker_note"), lastActivity,
                rs.getString("process_instance_id"));
    }

    private static LocalDate day(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
