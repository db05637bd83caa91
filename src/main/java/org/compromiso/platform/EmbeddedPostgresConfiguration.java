package org.compromiso.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server for the embedded default, so a fresh machine needs nothing but a JDK.
 * Its data stays in {@code compromiso.embedded.postgres.data-directory} between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "compromiso.embedded.postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
        var settings = properties.postgres();
        Files.createDirectories(settings.dataDirectory());
        stopOrphanedServer(settings.dataDirectory());
        return EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDirectory())
                .setCleanDataDirectory(false)
                // Spring stops the server after the engine has released its job locks, not a JVM hook before it
                .setRegisterShutdownHook(false)
                .setPort(settings.port())
                .setServerConfig("max_connections", "100")
                // the data directory is on the machine's own disk (SSD): random reads cost about what sequential
                // ones do, and with the default of 4 the planner scanned all tasks for a coordinator's task list
                .setServerConfig("random_page_cost", "1.1")
                // zonky's builder turns fsync (postgres -F) and synchronous_commit off, as fits a test's throw-away
                // server; the demo keeps real data, so a commit is on disk before the service answers
                .setServerConfig("fsync", onOff(settings.durable()))
                .setServerConfig("synchronous_commit", onOff(settings.durable()))
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /**
     * A service killed with SIGKILL leaves its PostgreSQL running on the data directory, which would refuse
     * the next start; stop it first.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        var orphan = ProcessHandle.of(pid)
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        if (orphan.isPresent()) {
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run", pid, dataDirectory);
            orphan.get().destroy();
            orphan.get().onExit().orTimeout(60, TimeUnit.SECONDS).join();
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DataSourceProperties properties) {
        properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
