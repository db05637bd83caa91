package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports read other modules' tables only through the read model's views (db/migration/V12__read_model.sql),
 * and the engine's tables only in the columns this test names, which the engine's schema must have.
 */
@CompromisoTest
class ReadModelTest {

    private static final Set<String> OWN_TABLES = Set.of("task_due_date", "status_snapshot", "status_snapshot_day");
    private static final Pattern READ_FROM = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)");
    private static final Pattern TABLE = Pattern.compile("(?i)CREATE TABLE\\s+([a-z_]+)");

    /**
     * What StatusQuery reads of the engine's history, of its open tasks (the report of now) and of its models' ids,
     * by table.
     */
    private static final Map<String, Set<String>> ENGINE_COLUMNS = Map.of(
            "act_hi_taskinst", Set.of("id_", "name_", "task_def_key_", "proc_inst_id_", "start_time_", "end_time_",
                    "due_date_", "delete_reason_"),
            "act_hi_procinst", Set.of("id_", "state_", "end_time_", "proc_def_id_"),
            "act_re_procdef", Set.of("id_", "key_", "version_"),
            "act_hi_identitylink", Set.of("id_", "task_id_", "type_", "group_id_", "timestamp_", "operation_type_"),
            "act_ru_task", Set.of("id_", "task_def_key_", "proc_inst_id_", "create_time_", "due_date_", "assignee_"),
            "act_ru_identitylink", Set.of("task_id_", "type_", "group_id_"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportsReadNoTableOfAnotherModule() throws IOException {
        Set<String> ourTables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("db", "migration"))) {
            for (Path migration : migrations.toList()) {
                TABLE.matcher(Files.readString(migration)).results().forEach(match -> ourTables.add(match.group(1)));
            }
        }
        assertThat(ourTables).as("the migrations' tables").contains("commitment", "meeting", "task_due_date");

        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src", "main", "java", "org", "compromiso", "reports"))) {
            for (Path source : sources.toList()) {
                READ_FROM.matcher(Files.readString(source)).results().forEach(match -> read.add(match.group(1)));
            }
        }
        assertThat(read).as("what the reports' SQL reads").contains("commitment_read", "act_hi_taskinst");
        assertThat(read.stream().filter(ourTables::contains))
                .as("tables of other modules, read past the read model's views").allMatch(OWN_TABLES::contains);
        assertThat(read.stream().filter(name -> name.startsWith("act_")))
                .as("the engine's tables the reports read").allMatch(ENGINE_COLUMNS::containsKey);
    }

    @Test
    void theEnginesHistoryHasTheColumnsTheReportsRead() {
        ENGINE_COLUMNS.forEach((table, columns) -> assertThat(jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_name = ?""")
                .param(table).query(String.class).set()).as(table).containsAll(columns));
    }
}
