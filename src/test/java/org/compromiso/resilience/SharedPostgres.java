package org.compromiso.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.compromiso.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

/**
 * One PostgreSQL that outlives the services a test starts, kills and restarts, and that the test can stop and
 * start itself: a server of the test's own on a fixed port, or a database of its own on the external server of
 * {@code COMPROMISO_TEST_POSTGRES} (which the test then never stops).
 */
public final class SharedPostgres implements AutoCloseable {

    private final TestDatabase external;
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;
    private final String url;

    private SharedPostgres(boolean ownServer) {
        if (ownServer || !TestDatabase.external()) {
            external = null;
            dataDirectory = Path.of("target", "test-postgres", "shared-" + System.nanoTime());
            port = TestSocketUtils.findAvailableTcpPort();
            start();
            url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        } else {
            external = new TestDatabase();
            dataDirectory = null;
            port = -1;
            url = external.createExternal();
        }
    }

    /** The external server when CI gives one, else a server of the test's own. */
    public static SharedPostgres forServices() {
        return new SharedPostgres(false);
    }

    /** Always a server of the test's own, which the test may stop and start. */
    public static SharedPostgres ownServer() {
        return new SharedPostgres(true);
    }

    public String jdbcUrl() {
        return url;
    }

    public JdbcClient jdbc() {
        var dataSource = new DriverManagerDataSource(url);
        return JdbcClient.create(dataSource);
    }

    /** Stops the server as an outage would: connections drop, new ones are refused. */
    public void stop() {
        requireOwnServer();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        try {
            // production's durability, not zonky's (fsync and synchronous commit off): the fault tests prove that
            // nothing acknowledged is lost
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).setServerConfig("max_connections", "200").setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                    // after a crash the server replays its WAL first; zonky waits 10 s by default
                    .setPGStartupWait(Duration.ofMinutes(1)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Crashes the server: SIGKILL of the postmaster and of every process it started, frozen first (SIGSTOP) so
     * that none is started in between. No checkpoint, no flush of the WAL buffers: what was not on disk is lost,
     * and {@link #start()} recovers from the WAL.
     */
    public void crash() throws IOException, InterruptedException {
        requireOwnServer();
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        var postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).orElseThrow();
        var stop = new ProcessBuilder("kill", "-STOP", String.valueOf(postmaster.pid())).inheritIO().start();
        if (stop.waitFor() != 0) {
            throw new IllegalStateException("could not freeze the postmaster " + postmaster.pid());
        }
        var processes = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        await("the server's processes gone").atMost(Duration.ofSeconds(30))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        // zonky's close would have pg_ctl signal the pid in this file, which another process may have by now;
        // without it the close fails to stop what is gone (an error in the log) and releases the directory's lock
        Files.delete(pidFile);
        server.close();
    }

    /** The server's value of a setting, e.g. {@code fsync}. */
    public String setting(String name) {
        return jdbc().sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }

    private void requireOwnServer() {
        if (server == null) {
            throw new IllegalStateException("the external server is not the test's to stop");
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        if (external != null) {
            external.drop();
        }
    }
}
