package org.compromiso.resilience;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.test.util.TestSocketUtils;

/**
 * The service in a JVM of its own, started from this test's classpath, so a test can kill it (SIGKILL), stop it
 * (SIGTERM) or run two of it, as an operator's machine would. Its log is kept under {@code target/nodes/}.
 */
public final class ServiceNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The settings every node of a fault test shares: the demo's people, one database, one mail server. */
    public static Map<String, String> settings(SharedPostgres database, int smtpPort) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("compromiso.embedded.postgres.enabled", "false");
        settings.put("compromiso.embedded.mail.enabled", "false");
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", "");
        settings.put("spring.datasource.password", "");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(smtpPort));
        settings.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        settings.put("spring.mail.properties.mail.smtp.timeout", "2000");
        settings.put("spring.mail.properties.mail.smtp.writetimeout", "2000");
        // a node that dies holds its jobs and reminders this long, not the defaults' five minutes
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
        settings.put("compromiso.reminders.claim-for", "PT15S");
        settings.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        return settings;
    }

    public static ServiceNode start(String name, Map<String, String> settings) {
        return start(name, "org.compromiso.CompromisoApplication", testClassPath(), settings,
                node -> HttpRequest.newBuilder(node.uri("/actuator/health")).build());
    }

    /** The class path this test runs on: the service's classes, the test classes and every dependency. */
    public static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * A Spring Boot application of that class path (its main class) in a JVM of its own, started once the request
     * {@code ready} builds for it answers 200.
     */
    public static ServiceNode start(String name, String mainClass, String classPath, Map<String, String> settings,
                                    Function<ServiceNode, HttpRequest> ready) {
        int port = TestSocketUtils.findAvailableTcpPort();
        Path log = Path.of("target", "nodes", name + "-" + port + ".log");
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                "-cp", classPath, mainClass, "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var node = new ServiceNode(name, port, log, process);
            node.awaitReady(ready);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Function<ServiceNode, HttpRequest> ready) {
        var client = HttpClient.newHttpClient();
        await("node " + name + " up, log in " + log).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("node " + name + " exited; log: " + tail());
                    }
                    try {
                        var response = client.send(ready.apply(this), HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no unlock, as a crash or an OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Spring's graceful shutdown; returns whether it ended in time. */
    public boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
