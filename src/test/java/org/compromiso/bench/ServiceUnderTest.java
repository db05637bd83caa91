package org.compromiso.bench;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.compromiso.TestDatabase;
import org.compromiso.resilience.EngineRest;
import org.compromiso.resilience.InProcessService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole service in this JVM (the embedded demo's people and catalog, the job executor on), against the test's
 * PostgreSQL, mailing to its in-process GreenMail with no rate limit, so the mail server never sets the pace.
 */
final class ServiceUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private ServiceUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = InProcessService.port(context);
    }

    static ServiceUnderTest start(TestDatabase database) {
        var settings = new LinkedHashMap<String, String>(database.properties());
        settings.put("compromiso.embedded.mail.enabled", "true");
        settings.put("compromiso.reminders.rate-per-minute", "100000000");
        settings.put("compromiso.reminders.send-interval", "PT0.2S");
        settings.put("compromiso.reminders.senders", "2");
        // the engine's own nightly cleanup (01:00-05:00) would remove the cleanup scenario's expired history before
        // it is measured, and slow the other scenarios: its window is put half a day away from the run (the JVM's
        // zone, as the engine reads it)
        var away = LocalTime.now().plusHours(12);
        var window = "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-";
        settings.put(window + "start-time", away.format(DateTimeFormatter.ofPattern("HH:mm")));
        settings.put(window + "end-time", away.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")));
        // "default": Camunda's engine authentication filter (on /engine-rest, /api and /reports) addresses the
        // engine of that name; the benchmark runs alone in its JVM (-Pbench), so no cached context has it
        return new ServiceUnderTest(InProcessService.start("default", settings));
    }

    /** A script logged in as this demo user (password {@code demo}), with a connection pool of its own. */
    EngineRest as(String user) {
        return new EngineRest(this::uri, user, "demo");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    GreenMail mail() {
        return context.getBean(GreenMail.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The job executor's settings this run had, for the notes of the table. */
    String jobExecution() {
        var found = new StringJoiner(", ");
        for (String name : List.of("core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition",
                "wait-time-in-millis", "max-wait")) {
            found.add(name + " " + context.getEnvironment().getProperty("camunda.bpm.job-execution." + name));
        }
        return found.toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
