package org.compromiso;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

/**
 * Gives each test application context a database of its own and an in-process SMTP server.
 * <p>
 * By default the service's own embedded PostgreSQL starts on a fresh data directory under {@code target/}.
 * With {@code COMPROMISO_TEST_POSTGRES} set to the JDBC URL of an external server's maintenance database
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), a new database is created on that
 * server instead; either is removed when the context closes.
 * <p>
 * The embedded server of an ordinary test runs with fsync and synchronous commit off, faster and holding nothing
 * worth keeping; {@link #durable()} (and {@link Durable}) keep the service's own settings, for the fault tests that
 * prove nothing acknowledged is lost.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String EXTERNAL_SERVER = "COMPROMISO_TEST_POSTGRES";

    private final String name;
    private final Path dataDirectory;
    private final boolean durable;

    public TestDatabase() {
        this(false);
    }

    private TestDatabase(boolean durable) {
        this.name = "compromiso_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dataDirectory = Path.of("target", "test-postgres", name);
        this.durable = durable;
    }

    /** A database on a server with the service's durability settings: what a fault test proves holds in production. */
    public static TestDatabase durable() {
        return new TestDatabase(true);
    }

    /** The initializer of a fault test's context: a {@link #durable()} database. */
    public static final class Durable implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            durable().initialize(context);
        }
    }

    public static boolean external() {
        String url = System.getenv(EXTERNAL_SERVER);
        return url != null && !url.isBlank();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(properties()).applyTo(context);
        // registered before any bean exists, so run after every bean is destroyed: once the embedded server stopped
        var beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
        beans.registerDisposableBean("testDatabaseDrop", this::drop);
    }

    /** The properties that point one start of the service at this database; the same each time it is called. */
    public Map<String, String> properties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("compromiso.embedded.mail.smtp-port", String.valueOf(TestSocketUtils.findAvailableTcpPort()));
        if (external()) {
            create();
            properties.put("compromiso.embedded.postgres.enabled", "false");
            properties.put("spring.datasource.url", databaseUrl());
            properties.put("spring.datasource.username", "");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("compromiso.embedded.postgres.data-directory", dataDirectory.toString());
            properties.put("compromiso.embedded.postgres.port", "0");
            if (!durable) {
                properties.put("compromiso.embedded.postgres.durable", "false");
            }
        }
        return properties;
    }

    /** Creates this database on the external server; returns its JDBC URL (credentials in it). */
    public String createExternal() {
        create();
        return databaseUrl();
    }

    public String description() {
        return external() ? "external PostgreSQL, database " + name : "embedded PostgreSQL in " + dataDirectory;
    }

    private String databaseUrl() {
        return withDatabase(System.getenv(EXTERNAL_SERVER), name);
    }

    /** A PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/name?parameters}) with another database. */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private void create() {
        execute("CREATE DATABASE " + name, true);
    }

    /**
     * Drops the database on the external server, or deletes the embedded server's data directory once that server
     * has stopped (one still running on it, or killed, leaves its files for a look).
     */
    public void drop() {
        if (external()) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", false);
        } else if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            FileSystemUtils.deleteRecursively(dataDirectory.toFile());
        }
    }

    private static void execute(String sql, boolean ignoreExisting) {
        try (var connection = DriverManager.getConnection(System.getenv(EXTERNAL_SERVER));
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!(ignoreExisting && "42P04".equals(e.getSQLState()))) {
                throw new IllegalStateException("Could not run '" + sql + "' on " + EXTERNAL_SERVER, e);
            }
        }
    }
}
