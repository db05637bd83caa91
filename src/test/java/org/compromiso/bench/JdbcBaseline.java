package org.compromiso.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The database's limit for a transaction shaped like a registration, from this JVM with no engine in the way: one
 * commitment-like row, one history-like row and ten task-like rows (a batch, as the engine flushes), committed.
 * Scratch tables in the schema {@code bench}, dropped afterwards.
 */
final class JdbcBaseline {

    static final int THREADS = 8;

    private final DataSource dataSource;

    JdbcBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    LoadDriver.Run run(Duration duration) throws Exception {
        execute("""
                DROP SCHEMA IF EXISTS bench CASCADE;
                CREATE SCHEMA bench;
                CREATE TABLE bench.commitment (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE,
                    title text, target_date date, created_at timestamptz DEFAULT now());
                CREATE TABLE bench.history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    commitment_id bigint REFERENCES bench.commitment, action text, detail jsonb,
                    at timestamptz DEFAULT now());
                CREATE TABLE bench.task (id text PRIMARY KEY, commitment_id bigint REFERENCES bench.commitment,
                    name text, candidate_group text, due_at timestamptz);
                CREATE INDEX ON bench.task (commitment_id);""");
        var connections = new Connection[THREADS];
        try {
            for (int i = 0; i < THREADS; i++) {
                connections[i] = dataSource.getConnection();
                connections[i].setAutoCommit(false);
            }
            return LoadDriver.during(THREADS, duration, (client, iteration) -> {
                transaction(connections[client], client + "-" + iteration);
                return LoadDriver.Outcome.OK;
            });
        } finally {
            for (var connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
            execute("DROP SCHEMA bench CASCADE");
        }
    }

    private static void transaction(Connection connection, String key) throws SQLException {
        long id;
        try (var commitment = connection.prepareStatement(
                "INSERT INTO bench.commitment (code, title, target_date) VALUES (?, ?, current_date + 180) RETURNING id")) {
            commitment.setString(1, "BENCH-" + key);
            commitment.setString(2, "A commitment like a registered one");
            try (var result = commitment.executeQuery()) {
                result.next();
                id = result.getLong(1);
            }
        }
        try (var history = connection.prepareStatement(
                "INSERT INTO bench.history (commitment_id, action, detail) VALUES (?, 'registered', ?::jsonb)")) {
            history.setLong(1, id);
            history.setString(2, "{\"kind\":\"agreed-action\",\"leadAgencies\":{\"MX\":\"sre\",\"US\":\"state\"}}");
            history.executeUpdate();
        }
        try (var task = connection.prepareStatement(
                "INSERT INTO bench.task (id, commitment_id, name, candidate_group, due_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 10; i++) {
                task.setString(1, key + "-" + i);
                task.setLong(2, id);
                task.setString(3, "Task " + i);
                task.setString(4, "sre");
                task.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(14))));
                task.addBatch();
            }
            task.executeBatch();
        }
        connection.commit();
    }

    private void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
