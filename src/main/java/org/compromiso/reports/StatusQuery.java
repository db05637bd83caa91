package org.compromiso.reports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts behind every commitment's status as of a moment, in one SQL query over our tables and the engine's
 * history tables, whatever the number of commitments. Only rows written at or before that moment count, and what
 * is overwritten in place (a commitment's target date, a task's due date and assignee) is rebuilt from append-only
 * records (the history, {@code task_due_date}, the engine's identity link log), so the answer for a past moment
 * does not change when work happens later.
 */
@Repository
class StatusQuery {

    /**
     * What counts as work on a commitment for staleness: its registration, completed tasks and the desk's changes
     * of course. Reminders, escalations, assessments and overrides are about a commitment, not work on it, so
     * they keep nothing fresh.
     */
    static final List<String> WORK = List.of("registered", "task-completed", "target-date-changed",
            "closed-not-implemented", "cancelled");

    /**
     * The report's filters and the viewer's agencies, over a commitment {@code c} of a meeting {@code m}; the
     * parameters come from {@link #filterParameters}.
     */
    static final String FILTER = """
            (CAST(:meeting AS text) IS NULL OR m.code = :meeting)
            AND (CAST(:agency AS text) IS NULL OR EXISTS (SELECT 1 FROM commitment_agency_read a
                                                    WHERE a.commitment_id = c.id AND a.agency = :agency))
            AND (CAST(:party AS text) IS NULL OR EXISTS (SELECT 1 FROM commitment_agency_read a
                                                   WHERE a.commitment_id = c.id AND a.party = :party))
            AND (CAST(:restricted AS boolean) = false OR EXISTS (SELECT 1 FROM commitment_agency_read a
                                                   WHERE a.commitment_id = c.id AND a.agency = ANY (:visible)))""";

    // one pass over each source: the history, then a commitment's tasks (TASKS_AS_OF or TASKS_NOW), then the rest
    private static final String FACTS = """
            WITH c AS (
                SELECT c.id, c.code, m.code AS meeting_code, c.title, c.title_es, c.kind, c.target_date, c.continuing,
                       c.quote,
                       c.source_document, c.process_instance_id
                FROM commitment_read c JOIN meeting_read m ON m.id = c.meeting_id
                WHERE c.created_at <= :recordedBy AND m.held_on <= :today
                  AND """ + FILTER + """
            ), leads AS (
                SELECT a.commitment_id, string_agg(a.party || '=' || a.agency, ',' ORDER BY a.party) AS leads,
                       count(DISTINCT a.party) AS parties
                FROM commitment_agency_read a JOIN c ON c.id = a.commitment_id WHERE a.role = 'lead'
                GROUP BY a.commitment_id
            ), assessed AS (
                -- each lead party's latest score by then, in any period: how many scored, how many complied (+1)
                SELECT s.commitment_id, count(*) AS scored, count(*) FILTER (WHERE s.score = 1) AS complied
                FROM (SELECT DISTINCT ON (a.commitment_id, a.party) a.commitment_id, a.score
                      FROM assessment_read a JOIN c ON c.id = a.commitment_id
                      WHERE a.at <= :asOf AND EXISTS (SELECT 1 FROM commitment_agency_read l
                                                      WHERE l.commitment_id = a.commitment_id AND l.role = 'lead'
                                                        AND l.party = a.party)
                      ORDER BY a.commitment_id, a.party, a.at DESC, a.id DESC) s
                GROUP BY s.commitment_id
            ), history AS (
                -- one pass over the history: what it said by then, and the first target date change after then
                SELECT h.commitment_id,
                       (array_agg(h.detail ->> 'to' ORDER BY h.at DESC, h.id DESC)
                           FILTER (WHERE h.action = 'target-date-changed' AND h.at <= :asOf))[1] AS target_then,
                       (array_agg(nullif(h.detail ->> 'from', 'null') ORDER BY h.at, h.id)
                           FILTER (WHERE h.action = 'target-date-changed' AND h.at > :asOf))[1] AS target_before_change,
                       bool_or(h.action = 'target-date-changed' AND h.at > :asOf) AS target_changed_later,
                       (array_agg(h.action ORDER BY h.at DESC, h.id DESC)
                           FILTER (WHERE h.action IN ('closed-not-implemented', 'cancelled') AND h.at <= :asOf))[1]
                           AS closing,
                       max(h.at) FILTER (WHERE h.action = ANY (:work) AND h.at <= :asOf) AS last_at,
                       -- our own record of the process's end: the engine's history of it is removed once its
                       -- time-to-live has passed (history cleanup), a commitment's being done never is
                       bool_or(h.action = 'done' AND h.at <= :asOf) AS done,
                       array_agg(DISTINCT h.detail -> 'values' ->> 'evidenceLink')
                           FILTER (WHERE h.detail -> 'values' ->> 'evidenceLink' IS NOT NULL AND h.at <= :asOf)
                           AS evidence,
                       (array_agg(h.detail ORDER BY h.at DESC, h.id DESC)
                           FILTER (WHERE h.action = 'task-completed' AND h.at <= :asOf))[1] AS last_completion,
                       array_agg(h.detail ->> 'task')
                           FILTER (WHERE h.action = 'task-completed' AND h.at <= :asOf) AS completed_keys
                FROM commitment_history_read h JOIN c ON c.id = h.commitment_id
                GROUP BY h.commitment_id
            """;

    /** The current step of each commitment among its open tasks ({@code open_task}: due, claimed). */
    private static final String NEXT_TASK = """
            ), next_task AS (
                SELECT commitment_id, min(due) AS next_due, min(due) FILTER (WHERE NOT claimed) AS next_unstarted_due,
                       -- the task id breaks a tie (two tracks started at once, due the same day): one answer
                       (array_agg(task_def_key_ ORDER BY due NULLS LAST, start_time_, id_))[1] AS current_step,
                       (array_agg(id_ ORDER BY due NULLS LAST, start_time_, id_))[1] AS current_task,
                       (array_agg(start_time_ ORDER BY due NULLS LAST, start_time_, id_))[1] AS waiting_since
                FROM open_task GROUP BY commitment_id
            """;

    // a commitment's tasks from the engine's history, where only the open ones' deadlines and claims are looked up
    // (a lateral lookup per task, or a lookup of every task's, cost twice as much at 10,000 commitments)
    private static final String TASKS_AS_OF = """
            ), task AS (
                SELECT c.id AS commitment_id, t.id_, t.task_def_key_, t.start_time_, t.due_date_,
                       t.end_time_ <= :asOf AND t.delete_reason_ = 'completed' AS done,
                       t.start_time_ <= :asOf AND (t.end_time_ IS NULL OR t.end_time_ > :asOf) AS open
                FROM c JOIN act_hi_taskinst t ON t.proc_inst_id_ = c.process_instance_id
            ), tasks AS (
                SELECT commitment_id, array_agg(task_def_key_) FILTER (WHERE done) AS done_keys,
                       array_agg(task_def_key_) FILTER (WHERE open) AS open_keys
                FROM task GROUP BY commitment_id
            ), open_task AS (
                -- only an open task's deadline counts: as it was then, from task_due_date (a task older than that
                -- table: the engine's); claimed when its last assignee change by then set an assignee
                SELECT t.commitment_id, t.id_, t.task_def_key_, t.start_time_,
                       CASE WHEN due.known THEN due.due_date WHEN due.known IS NULL THEN t.due_date_ END AS due,
                       coalesce(assignee.operation_type_ = 'add', false) AS claimed
                FROM task t
                LEFT JOIN LATERAL (SELECT d.due_date, d.at <= :asOf AS known FROM task_due_date d
                                   WHERE d.task_id = t.id_
                                   ORDER BY d.at <= :asOf DESC, d.at DESC, d.id DESC LIMIT 1) due ON true
                LEFT JOIN LATERAL (SELECT l.operation_type_ FROM act_hi_identitylink l
                                   WHERE l.task_id_ = t.id_ AND l.type_ = 'assignee' AND l.timestamp_ <= :asOf
                                   ORDER BY l.timestamp_ DESC, l.id_ DESC LIMIT 1) assignee ON true
                WHERE t.open
            """ + NEXT_TASK + """
            ), waiting AS (
                -- who holds the ball: the agencies (candidate groups) the current step is offered to by then, each
                -- group as its last link change left it (a group taken off the task no longer holds it); looked up
                -- by each current task (a join of every link in the history cost more, README, Performance)
                SELECT n.commitment_id, g.waiting_on
                FROM next_task n
                CROSS JOIN LATERAL (
                    SELECT string_agg(l.group_id_, ',') FILTER (WHERE l.operation_type_ = 'add') AS waiting_on
                    FROM (SELECT DISTINCT ON (l.group_id_) l.group_id_, l.operation_type_
                          FROM act_hi_identitylink l
                          WHERE l.task_id_ = n.current_task AND l.type_ = 'candidate' AND l.group_id_ IS NOT NULL
                            AND l.timestamp_ <= :asOf
                          ORDER BY l.group_id_, l.timestamp_ DESC, l.id_ DESC) l) g
            """;

    private static final String DONE_KEYS_AS_OF = "CASE WHEN history.done THEN history.completed_keys ELSE tasks.done_keys END";

    /**
     * The same facts as {@link #TASKS_AS_OF} for a moment after every task fact recorded: a commitment's open tasks
     * are then the engine's runtime tasks, with their deadline, assignee and candidate groups as they stand, and its
     * done steps are our record of its completions (written in the completion's transaction, each with its step).
     * A tenth of the rows: 10,000 open tasks and their links instead of 80,000 tasks in the engine's history and a
     * lookup of each open one's due date and claim (README, Performance).
     */
    private static final String TASKS_NOW = """
            ), open_task AS (
                SELECT c.id AS commitment_id, t.id_, t.task_def_key_, t.create_time_ AS start_time_, t.due_date_ AS due,
                       t.assignee_ IS NOT NULL AS claimed
                FROM c JOIN act_ru_task t ON t.proc_inst_id_ = c.process_instance_id
            ), tasks AS (
                SELECT commitment_id, array_agg(task_def_key_) AS open_keys FROM open_task GROUP BY commitment_id
            """ + NEXT_TASK + """
            ), waiting AS (
                SELECT n.commitment_id, string_agg(l.group_id_, ',') AS waiting_on
                FROM next_task n JOIN act_ru_identitylink l ON l.task_id_ = n.current_task
                WHERE l.type_ = 'candidate' AND l.group_id_ IS NOT NULL
                GROUP BY n.commitment_id
            """;

    private static final String DONE_KEYS_NOW = "history.completed_keys";

    /** Whether no task fact (a task started or ended, a claim, a candidate group, a due date) is later than then. */
    private static final String NOTHING_LATER = """
            SELECT NOT EXISTS (SELECT 1 FROM act_hi_taskinst WHERE start_time_ > :asOf)
                   AND NOT EXISTS (SELECT 1 FROM act_hi_taskinst WHERE end_time_ > :asOf)
                   AND NOT EXISTS (SELECT 1 FROM act_hi_identitylink WHERE timestamp_ > :asOf)
                   AND NOT EXISTS (SELECT 1 FROM task_due_date WHERE at > :asOf)""";

    private static final String SELECT = """
            ), override AS (
                SELECT DISTINCT ON (o.commitment_id) o.commitment_id, o.status, o.comment
                FROM status_override_read o JOIN c ON c.id = o.commitment_id WHERE o.at <= :asOf
                ORDER BY o.commitment_id, o.at DESC
            )
            SELECT c.id, c.code, c.meeting_code, c.title, c.title_es, c.kind,
                   CASE WHEN history.target_then IS NOT NULL THEN CAST(history.target_then AS date)
                        WHEN history.target_changed_later THEN CAST(history.target_before_change AS date)
                        ELSE c.target_date END AS target_date,
                   c.continuing, c.quote,
                   c.source_document, c.process_instance_id, leads.leads, history.closing,
                   coalesce(history.done, false) OR coalesce(p.state_ = 'COMPLETED' AND p.end_time_ <= :asOf, false)
                       AS process_completed,
                   -- an ended process's steps from our record of its completions: the engine's history of it goes
                   -- in batches per table (its tasks may be gone before its instance), and then its model is the
                   -- latest of the kind's process
                   DONE_KEYS AS done_keys,
                   tasks.open_keys,
                   coalesce(p.proc_def_id_, (SELECT d.id_ FROM commitment_kind_read k
                                             JOIN act_re_procdef d ON d.key_ = k.process_key
                                             WHERE k.code = c.kind ORDER BY d.version_ DESC LIMIT 1))
                       AS process_definition,
                   coalesce(history.done, false) OR coalesce(p.end_time_ <= :asOf, false) AS process_ended,
                   next_task.next_due,
                   next_task.next_unstarted_due, next_task.current_step, history.last_at, history.evidence,
                   coalesce(history.last_completion -> 'values' ->> 'blocker', 'false') = 'true' AS blocked,
                   history.last_completion -> 'values' ->> 'blockerNote' AS blocker_note,
                   override.status AS override_status, override.comment AS override_comment,
                   waiting.waiting_on, next_task.waiting_since,
                   coalesce(assessed.complied = leads.parties AND assessed.scored = assessed.complied, false)
                       AS complied_by_all
            FROM c
            LEFT JOIN leads ON leads.commitment_id = c.id
            LEFT JOIN history ON history.commitment_id = c.id
            LEFT JOIN act_hi_procinst p ON p.id_ = c.process_instance_id
            LEFT JOIN tasks ON tasks.commitment_id = c.id
            LEFT JOIN next_task ON next_task.commitment_id = c.id
            LEFT JOIN override ON override.commitment_id = c.id
            LEFT JOIN waiting ON waiting.commitment_id = c.id
            LEFT JOIN assessed ON assessed.commitment_id = c.id
            ORDER BY c.meeting_code, c.code
            """;

    private final JdbcClient jdbc;
    private final ReportDays days;
    private final ProcessSteps steps;

    StatusQuery(JdbcClient jdbc, ReportDays days, ProcessSteps steps) {
        this.jdbc = jdbc;
        this.days = days;
        this.steps = steps;
    }

    /**
     * Plans each report query of the current transaction for its values, and without JIT compilation.
     * <ul>
     * <li>After five runs PostgreSQL may plan a prepared statement once for any values (a generic plan), which
     * cannot drop the filters a report does not use ({@code CAST(:meeting AS text) IS NULL OR ...}): the status
     * query went from 0.1 s to 1.5 s that way. For the engine's statements, planned once, generic plans saved a
     * third of PostgreSQL's work per registration, so only the reports ask for this.</li>
     * <li>The status query's estimated cost passes {@code jit_above_cost}, and a PostgreSQL built with LLVM (as
     * Debian's is) then compiles its expressions: 2.7 s of compiling for a query that runs in 0.9 s at 10,000
     * commitments (README, Performance).</li>
     * </ul>
     */
    void planForEachRun() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        jdbc.sql("SET LOCAL jit = off").update();
    }

    /**
     * The status of every commitment the filter and the viewer's agencies (null: all) allow, from the facts
     * recorded up to {@code asOf}, judged against the day {@code today}. It counts the commitments recorded by
     * {@code recordedBy} whose meeting was held by {@code today}: a commitment exists from the day it was agreed,
     * but a report never shows one that was entered after the moment it is drawn for.
     */
    List<CommitmentStatus> statuses(Timestamp asOf, LocalDate today, Timestamp recordedBy, ReportFilter filter,
                                    Set<String> visibleTo, StatusRules rules) {
        return statuses(asOf, today, recordedBy, filter, visibleTo, rules, "en");
    }

    /** The same, with titles and steps in that language ({@code en}, {@code es}). */
    List<CommitmentStatus> statuses(Timestamp asOf, LocalDate today, Timestamp recordedBy, ReportFilter filter,
                                    Set<String> visibleTo, StatusRules rules, String language) {
        boolean now = jdbc.sql(NOTHING_LATER).param("asOf", asOf).query(Boolean.class).single();
        return statuses(now ? Source.RUNTIME : Source.HISTORY, asOf, today, recordedBy, filter, visibleTo, rules,
                language);
    }

    /** Where a commitment's task facts are read: both say the same for a moment after every task fact. */
    enum Source {
        /** the engine's history and our due dates, for any moment */
        HISTORY(TASKS_AS_OF, DONE_KEYS_AS_OF),
        /** the engine's runtime tables and our record of completions, for a moment no task fact is later than */
        RUNTIME(TASKS_NOW, DONE_KEYS_NOW);

        private final String sql;

        Source(String tasks, String doneKeys) {
            this.sql = FACTS + tasks + SELECT.replace("DONE_KEYS", doneKeys);
        }
    }

    /** The same, from the task facts of that source (a test compares the two). */
    List<CommitmentStatus> statuses(Source source, Timestamp asOf, LocalDate today, Timestamp recordedBy,
                                    ReportFilter filter, Set<String> visibleTo, StatusRules rules, String language) {
        Map<String, Object> parameters = filterParameters(filter, visibleTo);
        parameters.put("asOf", asOf);
        parameters.put("today", today);
        parameters.put("recordedBy", recordedBy);
        parameters.put("work", WORK.toArray(String[]::new));
        return jdbc.sql(source.sql).params(parameters).query((rs, row) -> line(rs, today, rules, language)).list();
    }

    /**
     * A commitment entered after the day it was agreed, as it stood on a day in between: nothing about it had been
     * recorded yet (no task, history, override or closing), so only the target date it was agreed with speaks, as
     * {@link #statuses} would find.
     */
    record LateEntry(String code, Timestamp enteredAt, LocalDate agreedOn, boolean continuing,
                      LocalDate agreedTarget) {

        /** Agreed by the end of the day, but recorded only after it. */
        boolean agreedButNotEnteredBy(LocalDate day, ReportDays days) {
            return !agreedOn.isAfter(day) && enteredAt.after(days.endOf(day));
        }

        Status statusOn(LocalDate day, StatusRules rules) {
            return rules.apply(new StatusRules.Facts("open", false, agreedTarget, continuing, null, null, false, null,
                    false), day);
        }
    }

    /**
     * The commitments entered after {@code after} and by {@code by} whose meeting was held by {@code heldBy}, that
     * the filter and the viewer's agencies allow.
     */
    List<LateEntry> enteredAfter(Timestamp after, Timestamp by, LocalDate heldBy, ReportFilter filter,
                                   Set<String> visibleTo) {
        Map<String, Object> parameters = filterParameters(filter, visibleTo);
        parameters.put("after", after);
        parameters.put("by", by);
        parameters.put("heldBy", heldBy);
        return jdbc.sql("""
                        SELECT c.code, c.created_at, m.held_on, c.continuing,
                               CASE WHEN first_change.detail IS NULL THEN c.target_date
                                    ELSE CAST(nullif(first_change.detail ->> 'from', 'null') AS date) END AS agreed_target
                        FROM commitment_read c JOIN meeting_read m ON m.id = c.meeting_id
                        LEFT JOIN LATERAL (SELECT h.detail FROM commitment_history_read h
                                           WHERE h.commitment_id = c.id AND h.action = 'target-date-changed'
                                           ORDER BY h.at, h.id LIMIT 1) first_change ON true
                        WHERE c.created_at > :after AND c.created_at <= :by AND m.held_on <= :heldBy
                          AND """ + FILTER)
                .params(parameters)
                .query((rs, row) -> new LateEntry(rs.getString("code"), rs.getTimestamp("created_at"),
                        rs.getObject("held_on", LocalDate.class), rs.getBoolean("continuing"),
                        rs.getObject("agreed_target", LocalDate.class)))
                .list();
    }

    /** The parameters of {@link #FILTER}. */
    static Map<String, Object> filterParameters(ReportFilter filter, Set<String> visibleTo) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("meeting", filter.meeting());
        parameters.put("agency", filter.agency());
        parameters.put("party", filter.party());
        parameters.put("restricted", visibleTo != null);
        parameters.put("visible", visibleTo == null ? new String[0] : visibleTo.toArray(String[]::new));
        return parameters;
    }

    /** A party's compliance score for one commitment in one reporting period. */
    record Score(int score, String period, String rationale) {
    }

    /**
     * The latest score per commitment and party recorded by {@code at}, in that period (null: in any period, the
     * one entered last).
     */
    Map<String, Map<String, Score>> assessments(Timestamp at, String period) {
        Map<String, Map<String, Score>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (a.commitment_id, a.party) c.code, a.party, a.score, a.period, a.rationale
                        FROM assessment_read a JOIN commitment_read c ON c.id = a.commitment_id
                        WHERE a.at <= :at AND (CAST(:period AS text) IS NULL OR a.period = :period)
                        ORDER BY a.commitment_id, a.party, a.at DESC, a.id DESC""")
                .param("at", at).param("period", period)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getString("code"), code -> new LinkedHashMap<>()).put(rs.getString("party"),
                            new Score(rs.getInt("score"), rs.getString("period"), rs.getString("rationale")));
                });
        return scores;
    }

    private CommitmentStatus line(ResultSet rs, LocalDate asOf, StatusRules rules, String language)
            throws SQLException {
        String closing = rs.getString("closing");
        String lifecycle = "closed-not-implemented".equals(closing) ? "not_implemented"
                : "cancelled".equals(closing) ? "cancelled" : "open";
        LocalDate nextDeadline = day(rs.getTimestamp("next_due"));
        LocalDate lastActivity = day(rs.getTimestamp("last_at"));
        var facts = new StatusRules.Facts(lifecycle, rs.getBoolean("process_completed"),
                rs.getObject("target_date", LocalDate.class), rs.getBoolean("continuing"), nextDeadline,
                day(rs.getTimestamp("next_unstarted_due")), rs.getBoolean("blocked"), lastActivity,
                rs.getBoolean("complied_by_all"));
        Status derived = rules.apply(facts, asOf);
        String override = rs.getString("override_status");
        var leads = new LinkedHashMap<String, String>();
        var progress = steps.progress(rs.getString("process_definition"), strings(rs.getArray("done_keys")),
                strings(rs.getArray("open_keys")), rs.getBoolean("process_ended"));
        String joined = rs.getString("leads");
        if (joined != null) {
            Arrays.stream(joined.split(",")).forEach(pair -> leads.put(pair.substring(0, 2), pair.substring(3)));
        }
        String title = "es".equals(language) && rs.getString("title_es") != null ? rs.getString("title_es")
                : rs.getString("title");
        String step = rs.getString("current_step") == null ? null
                : steps.step(rs.getString("process_definition"), rs.getString("current_step"), language);
        return new CommitmentStatus(rs.getString("code"), rs.getString("meeting_code"), title,
                rs.getString("kind"), override == null ? derived : Status.valueOf(override), derived,
                override == null ? null : rs.getString("override_comment"), leads, step,
                nextDeadline, rs.getObject("target_date", LocalDate.class), progress.done(), progress.onPath(), rs.getString("quote"), rs.getString("source_document"),
                strings(rs.getArray("evidence")), rs.getBoolean("blocked"), rs.getString("blocker_note"), lastActivity,
                rs.getString("process_instance_id"), agencies(rs.getString("waiting_on")),
                day(rs.getTimestamp("waiting_since")), facts.compliedByAll());
    }

    private static List<String> agencies(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split(",")).sorted().toList();
    }

    private LocalDate day(Timestamp timestamp) {
        return days.dayOf(timestamp);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
