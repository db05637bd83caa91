package org.compromiso.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.stream.Collectors;

import baseline.BareEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.compromiso.TestDatabase;
import org.compromiso.resilience.EngineRest;
import org.compromiso.resilience.ServiceNode;

/**
 * {@link BareEngine} in a JVM of its own, on a database of its own on the service's PostgreSQL server: the same
 * machine, server and models, without the service. Its class path is the test's without the service's classes.
 */
final class BareEngineNode implements AutoCloseable {

    /** The bare engine's users' password: a database made for one run and dropped after it. */
    private static final String PASSWORD = UUID.randomUUID().toString();

    private final ServiceUnderTest service;
    private final String database;
    private final String url;
    private final String user;
    private final ServiceNode node;

    private BareEngineNode(ServiceUnderTest service, String database, String url, String user, ServiceNode node) {
        this.service = service;
        this.database = database;
        this.url = url;
        this.user = user;
        this.node = node;
    }

    static BareEngineNode start(ServiceUnderTest service) throws SQLException {
        String database = "compromiso_bare_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        String user;
        try (var connection = service.dataSource().getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        service.jdbc().sql("CREATE DATABASE " + database).update();
        var settings = new LinkedHashMap<String, String>();
        String bareUrl = TestDatabase.withDatabase(url, database);
        settings.put("spring.datasource.url", bareUrl);
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", "");
        // the service's pool size, history level and authorization, and no history events published to nobody (the
        // service turned that off too); everything else as Camunda ships it. Only bpmn/'s model is deployed: the
        // starter's auto-deployment would scan the class path for every *.bpmn of the tests
        settings.put("spring.datasource.hikari.maximum-pool-size", "20");
        settings.put("camunda.bpm.auto-deployment-enabled", "false");
        settings.put("camunda.bpm.eventing.history", "false");
        settings.put("camunda.bpm.database.schema-update", "true");
        settings.put("camunda.bpm.history-level", "full");
        settings.put("camunda.bpm.authorization.enabled", "true");
        settings.put("camunda.bpm.generic-properties.properties.history-time-to-live", "P400D");
        settings.put("bare.password", PASSWORD);
        settings.put("bare.models", Path.of("bpmn").toAbsolutePath().toString());
        settings.put("logging.level.root", "WARN");
        try {
            var node = ServiceNode.start("bare-engine", BareEngine.class.getName(), withoutServiceClasses(), settings,
                    started -> HttpRequest.newBuilder(started.uri("/engine-rest/process-definition/key/AgreedAction"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("deskOfficer:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                            .build());
            return new BareEngineNode(service, database, bareUrl, user, node);
        } catch (RuntimeException e) {
            drop(service, database);
            throw e;
        }
    }

    EngineRest as(String user) {
        return new EngineRest(this::uri, user, PASSWORD);
    }

    URI uri(String path) {
        return node.uri(path);
    }

    long pid() {
        return node.pid();
    }

    /** Work done through an engine's Java API: setup, not what is measured. */
    interface EngineWork {
        void on(ProcessEngine engine, String password) throws InterruptedException;
    }

    /**
     * Sets up a scenario's data on the bare engine's database as the service's scenarios do theirs, through the
     * engine's Java API rather than a hundred thousand REST calls: a second engine in this JVM on that database (no
     * job executor, authorization on so that it makes the engine's default grants, the starter's UUIDs, history
     * full), then vacuumed. The bare engine's own JVM reads what it wrote from the database.
     */
    void prepare(EngineWork work) throws InterruptedException, SQLException {
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-engine-setup")
                .setJdbcDriver("org.postgresql.Driver").setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJdbcMaxActiveConnections(Setup.THREADS + 2);
        var engine = configuration.buildProcessEngine();
        try {
            work.on(engine, PASSWORD);
        } finally {
            engine.close();
        }
        vacuumAnalyze();
    }

    /** As the benchmark does for the service's database after a bulk setup, so no autovacuum of it runs later. */
    void vacuumAnalyze() throws SQLException {
        try (var connection = DriverManager.getConnection(url, user, "");
             var statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    @Override
    public void close() throws InterruptedException {
        node.close();
        drop(service, database);
    }

    private static void drop(ServiceUnderTest service, String database) {
        service.jdbc().sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    /** The test's class path without {@code target/classes}: the service's beans, Jersey extensions and migrations. */
    private static String withoutServiceClasses() {
        Path serviceClasses = Path.of("target", "classes").toAbsolutePath();
        return Arrays.stream(ServiceNode.testClassPath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(serviceClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
