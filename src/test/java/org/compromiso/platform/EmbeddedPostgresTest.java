package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.compromiso.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's PostgreSQL as its configuration starts it, from application.yaml and the embedded profile, without
 * the rest of the service: seconds, not the minute of a whole start. Not in the run against an external server,
 * which starts no embedded one.
 */
@DisabledIfEnvironmentVariable(named = TestDatabase.EXTERNAL_SERVER, matches = ".*\\S.*")
class EmbeddedPostgresTest {

    private final ApplicationContextRunner demo = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(EmbeddedPostgresConfiguration.class, Settings.class);

    @Test
    void theDemosServerWritesEveryCommitToDiskBeforeAnswering() {
        demo.withInitializer(TestDatabase.durable()).run(context -> {
            var jdbc = JdbcClient.create(context.getBean(DataSource.class));
            // zonky's builder turns fsync and synchronous commit off; the demo keeps real data under ./data
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
            }
        });
    }

    @Test
    void aTestServersDataDirectoryIsRemovedOnceTheServerStopped() {
        var dataDirectory = new AtomicReference<Path>();
        demo.withInitializer(new TestDatabase()).run(context -> {
            dataDirectory.set(context.getBean(EmbeddedProperties.class).postgres().dataDirectory());
            assertThat(dataDirectory.get().resolve("postmaster.pid")).as("the server runs on it").exists();
        });
        // removed before the server stopped, the directory would have been left alone (TestDatabase.drop)
        assertThat(dataDirectory.get()).doesNotExist();
    }

    @EnableConfigurationProperties({EmbeddedProperties.class, DataSourceProperties.class})
    static class Settings {
    }
}
