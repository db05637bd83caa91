package org.compromiso.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * PostgreSQL's own TPC-B-like benchmark against the service's server, in a scratch database of its own: scale 4,
 * 4 clients, 2 threads, prepared statements. Skipped when {@code pgbench} is not on the PATH.
 */
final class PgbenchBaseline {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    /** Transactions per second, and pgbench's own lines for the notes. */
    record Result(double perSecond, String summary) {
    }

    private final DataSource dataSource;

    PgbenchBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Optional<Path> executable() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .map(folder -> Path.of(folder, "pgbench")).filter(Files::isExecutable).findFirst();
    }

    Optional<Result> run(Duration duration) throws Exception {
        var pgbench = executable();
        if (pgbench.isEmpty()) {
            return Optional.empty();
        }
        String database = "compromiso_pgbench_" + ProcessHandle.current().pid();
        var server = Server.of(dataSource);
        execute("DROP DATABASE IF EXISTS " + database);
        execute("CREATE DATABASE " + database);
        try {
            server.run(pgbench.get(), database, "-i", "-q", "-s", "4");
            String output = server.run(pgbench.get(), database, "-c", "4", "-j", "2", "-M", "prepared",
                    "-T", String.valueOf(Math.max(5, duration.toSeconds())));
            var tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps: " + output);
            }
            String summary = output.lines().filter(line -> line.startsWith("latency average") || line.startsWith("tps"))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            return Optional.of(new Result(Double.parseDouble(tps.group(1)), summary));
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Where the service's PostgreSQL listens and as whom it connects, from the data source itself. */
    private record Server(String host, int port, String user) {

        static Server of(DataSource dataSource) throws SQLException {
            try (var connection = dataSource.getConnection()) {
                var metaData = connection.getMetaData();
                var url = URI.create(metaData.getURL().substring("jdbc:".length()));
                return new Server(url.getHost(), url.getPort() < 0 ? 5432 : url.getPort(), metaData.getUserName());
            }
        }

        String run(Path pgbench, String database, String... arguments) throws IOException, InterruptedException {
            var command = new ArrayList<>(List.of(pgbench.toString(), "-h", host, "-p", String.valueOf(port),
                    "-U", user));
            command.addAll(List.of(arguments));
            command.add(database);
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        }
    }
}
