package org.compromiso.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statuses of settled past days, kept once taken: a report's trend and its week-earlier comparison read them
 * instead of rebuilding eight past days from the history on every draw. A day is settled an hour after it ended,
 * when no transaction still open can add a fact of that day; its snapshot holds the status of every commitment
 * recorded by its end, judged by its facts, which no longer change; a commitment recorded later but agreed by then
 * had no facts that day but its target date. The table is a cache of what the history says: a deleted day is
 * taken again when a report needs it.
 */
@Repository
class StatusSnapshots {

    // pg_advisory_xact_lock(class, day): one node takes a day's snapshot, the others wait and read it
    private static final int LOCK_CLASS = 0x5354_4154;

    private final JdbcClient jdbc;
    private final StatusQuery query;
    private final ReportDays days;
    private final TransactionTemplate ownTransaction;

    StatusSnapshots(JdbcClient jdbc, StatusQuery query, ReportDays days, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.query = query;
        this.days = days;
        this.ownTransaction = new TransactionTemplate(transactions);
        // a report is read in no transaction or a read-only one; the snapshot it needs commits on its own
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The status of each commitment (by code) that the filter and the viewer's agencies allow at the end of each
     * of these settled days, among those recorded by {@code recordedBy}: what {@link StatusQuery} says of the day.
     */
    Map<LocalDate, Map<String, Status>> statuses(Collection<LocalDate> days, Timestamp recordedBy, ReportFilter filter,
                                                 Set<String> visibleTo, StatusRules rules) {
        Map<LocalDate, Map<String, Status>> byDay = new HashMap<>();
        if (days.isEmpty()) {
            return byDay;
        }
        var sqlDays = days.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new);
        // taking one needs a transaction (and a connection) of its own: only for a day that has none yet
        var taken = jdbc.sql("SELECT day FROM status_snapshot_day WHERE day = ANY (:days)").param("days", sqlDays)
                .query(LocalDate.class).set();
        days.forEach(day -> {
            if (!taken.contains(day)) {
                take(day, rules);
            }
            byDay.put(day, new HashMap<>());
        });
        Map<String, Object> parameters = StatusQuery.filterParameters(filter, visibleTo);
        parameters.put("days", sqlDays);
        jdbc.sql("""
                        SELECT s.day, c.code, s.status FROM status_snapshot s
                        JOIN commitment_read c ON c.id = s.commitment_id JOIN meeting_read m ON m.id = c.meeting_id
                        WHERE s.day = ANY (:days) AND """ + StatusQuery.FILTER)
                .params(parameters)
                .query(rs -> {
                    byDay.get(rs.getObject("day", LocalDate.class))
                            .put(rs.getString("code"), Status.valueOf(rs.getString("status")));
                });
        LocalDate first = Collections.min(days);
        for (var late : query.enteredAfter(this.days.endOf(first), recordedBy, Collections.max(days), filter,
                visibleTo)) {
            days.stream().filter(day -> late.agreedButNotEnteredBy(day, this.days))
                    .forEach(day -> byDay.get(day).put(late.code(), late.statusOn(day, rules)));
        }
        return byDay;
    }

    /** Takes the day's snapshot unless it was taken; several nodes at once take it once. */
    void take(LocalDate day, StatusRules rules) {
        ownTransaction.executeWithoutResult(status -> {
            query.planForEachRun();
            jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:class, :day)").param("class", LOCK_CLASS)
                    .param("day", (int) day.toEpochDay()).query(Integer.class).single();
            if (jdbc.sql("SELECT count(*) FROM status_snapshot_day WHERE day = ?").param(day).query(Long.class)
                    .single() > 0) {
                return;
            }
            Timestamp endOfDay = this.days.endOf(day);
            List<CommitmentStatus> lines = query.statuses(endOfDay, day, endOfDay, ReportFilter.ALL, null, rules);
            jdbc.sql("INSERT INTO status_snapshot_day (day, commitments) VALUES (?, ?)").params(day, lines.size())
                    .update();
            jdbc.sql("""
                            INSERT INTO status_snapshot (day, commitment_id, status)
                            SELECT :day, c.id, s.status FROM unnest(:codes, :statuses) AS s (code, status)
                            JOIN commitment_read c ON c.code = s.code""")
                    .param("day", day)
                    .param("codes", lines.stream().map(CommitmentStatus::code).toArray(String[]::new))
                    .param("statuses", lines.stream().map(line -> line.status().name()).toArray(String[]::new))
                    .update();
        });
    }

    /** Forgets the snapshots of the days before this one; a report that needs them again takes them again. */
    int forgetBefore(LocalDate day) {
        return jdbc.sql("DELETE FROM status_snapshot_day WHERE day < ?").param(day).update();
    }
}
