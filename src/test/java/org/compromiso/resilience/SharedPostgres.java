package org.compromiso.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
