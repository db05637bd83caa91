package org.compromiso.commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads commitments: filtered pages for lists, one commitment with its open tasks and history. */
@Repository
public class CommitmentQueries {

    private static final String SELECT = """
            SELECT c.code, m.code AS meeting_code, c.title, c.kind, c.lifecycle, c.target_date, c.continuing,
                   c.priority, c.source_document, c.quote, c.quote_language, c.process_instance_id,
                   c.description, c.target_basis, c.lifecycle_reason, c.title_es,
                   (SELECT string_agg(a.party || '=' || a.agency, ',' ORDER BY a.party) FROM commitment_agency a
                     WHERE a.commitment_id = c.id AND a.role = 'lead') AS leads,
                   (SELECT string_agg(a.agency, ',' ORDER BY a.agency) FROM commitment_agency a
                     WHERE a.commitment_id = c.id AND a.role = 'contributor') AS contributors
            FROM commitment c JOIN meeting m ON m.id = c.meeting_id
            """;
    private static final String WHERE = """
            WHERE (CAST(:meeting AS text) IS NULL OR m.code = :meeting)
              AND (CAST(:kind AS text) IS NULL OR c.kind = :kind)
              AND (CAST(:lifecycle AS text) IS NULL OR c.lifecycle = :lifecycle)
              AND (CAST(:agency AS text) IS NULL OR EXISTS (SELECT 1 FROM commitment_agency a
                                                     WHERE a.commitment_id = c.id AND a.agency = :agency))
              AND (CAST(:restricted AS boolean) = false OR EXISTS (SELECT 1 FROM commitment_agency a
                                                     WHERE a.commitment_id = c.id AND a.agency = ANY (:visible)))
            """;

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final TaskLookup lookup;
    private final CommitmentHistory history;
    private final ServiceWork serviceWork;

    CommitmentQueries(JdbcClient jdbc, TaskService tasks, TaskLookup lookup, CommitmentHistory history,
                      ServiceWork serviceWork) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.lookup = lookup;
        this.history = history;
        this.serviceWork = serviceWork;
    }

    public CommitmentPage list(CommitmentFilter filter, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("meeting", filter.meeting());
        parameters.put("kind", filter.kind());
        parameters.put("lifecycle", filter.lifecycle());
        parameters.put("agency", filter.agency());
        parameters.put("restricted", filter.visibleTo() != null);
        parameters.put("visible", filter.visibleTo() == null ? new String[0] : filter.visibleTo().toArray(String[]::new));
        long total = jdbc.sql("SELECT count(*) FROM commitment c JOIN meeting m ON m.id = c.meeting_id " + WHERE)
                .params(parameters).query(Long.class).single();
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        var items = jdbc.sql(SELECT + WHERE + " ORDER BY m.held_on, c.code LIMIT :limit OFFSET :offset")
                .params(parameters).query((rs, row) -> summary(rs)).list();
        return new CommitmentPage(items, page, size, total);
    }

    /**
     * The commitment, if it exists and one of these agencies takes part in it (null: any); its open tasks as far
     * as the engine lets the user read them.
     */
    public Optional<CommitmentDetail> find(String code, java.util.Set<String> visibleTo) {
        if (visibleTo == null) {
            return find(code);
        }
        return read(code, false).filter(detail -> detail.commitment().leadAgencies().values().stream()
                .anyMatch(visibleTo::contains) || detail.commitment().contributingAgencies().stream()
                .anyMatch(visibleTo::contains));
    }

    /**
     * The commitment with all its open tasks, for those who see everything (the desk, leadership, admins): they
     * may read every task (READ_TASK on every process definition), so the engine's check of each task's
     * authorizations, which grows with the number of open tasks, is skipped.
     */
    public Optional<CommitmentDetail> find(String code) {
        return serviceWork.asService(() -> read(code, true));
    }

    /** {@code ownAccount}: read as the service, every open task; else as far as the engine lets the user. */
    private Optional<CommitmentDetail> read(String code, boolean ownAccount) {
        return jdbc.sql(SELECT + " WHERE c.code = ?").param(code)
                .query((rs, row) -> new CommitmentDetail(summary(rs), rs.getString("title_es"), rs.getString("description"),
                        rs.getString("target_basis"), rs.getString("lifecycle_reason"),
                        openTasks(code, rs.getString("process_instance_id"), ownAccount), history.of(code)))
                .optional();
    }

    /** The process instance that carries out this commitment, if it is registered and has one. */
    public Optional<String> processInstanceOf(String code) {
        return jdbc.sql("SELECT process_instance_id FROM commitment WHERE code = ? AND process_instance_id IS NOT NULL")
                .param(code).query(String.class).optional();
    }

    /** The code of the commitment that this process instance carries out, if one does. */
    public Optional<String> codeOf(String processInstanceId) {
        return jdbc.sql("SELECT code FROM commitment WHERE process_instance_id = ?").param(processInstanceId)
                .query(String.class).optional();
    }

    /**
     * Just the commitment's title in this language, for messages and task names: its Spanish title for Spanish when
     * it has one, else the title it was registered with. No tasks, no history.
     */
    public Optional<String> title(String code, Locale language) {
        String column = "es".equals(language.getLanguage()) ? "coalesce(title_es, title)" : "title";
        return jdbc.sql("SELECT " + column + " FROM commitment WHERE code = ?").param(code).query(String.class)
                .optional();
    }

    private List<CommitmentDetail.OpenTask> openTasks(String code, String processInstanceId, boolean ownAccount) {
        List<Task> open;
        if (ownAccount && processInstanceId != null) {
            open = lookup.ofProcessInstance(processInstanceId);
        } else {
            // by the instance's id where it is known: a lookup by business key joins every running execution
            var query = processInstanceId != null ? tasks.createTaskQuery().processInstanceId(processInstanceId)
                    : tasks.createTaskQuery().processInstanceBusinessKey(code);
            // one commitment's tasks are few: exempt from the engine's query-max-results-limit for logged-in users
            open = query.orderByTaskCreateTime().asc().unlimitedList();
        }
        return open.stream()
                .map(task -> new CommitmentDetail.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        tasks.getIdentityLinksForTask(task.getId()).stream()
                                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList(),
                        task.getAssignee(), task.getCreateTime(), task.getDueDate()))
                .toList();
    }

    private static CommitmentSummary summary(ResultSet rs) throws SQLException {
        var leads = new LinkedHashMap<String, String>();
        split(rs.getString("leads")).forEach(pair -> leads.put(pair.substring(0, 2), pair.substring(3)));
        return new CommitmentSummary(rs.getString("code"), rs.getString("meeting_code"), rs.getString("title"),
                rs.getString("kind"), rs.getString("lifecycle"), rs.getObject("target_date", java.time.LocalDate.class),
                rs.getBoolean("continuing"), rs.getString("priority"), leads, split(rs.getString("contributors")),
                new NewCommitment.Provenance(rs.getString("source_document"), rs.getString("quote"),
                        rs.getString("quote_language")),
                rs.getString("process_instance_id"));
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }
}
