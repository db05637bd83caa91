package org.compromiso.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import org.compromiso.CompromisoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole service started in this JVM, for a test that stops and starts it or its database. */
public final class InProcessService {

    private InProcessService() {
    }

    /**
     * Starts the service on a port of its own with these settings, given as command-line arguments so they win
     * over application.yaml. A test that uses the REST API or the reports needs the engine named {@code default}
     * (Camunda's REST and authentication filter look it up by that name) and must then run in the resilience
     * pass, where no cached test context owns that name; others take a name of their own.
     */
    public static ConfigurableApplicationContext start(String engineName, Map<String, String> settings) {
        var all = new LinkedHashMap<String, String>(settings);
        all.put("server.port", "0");
        all.put("camunda.bpm.process-engine-name", engineName);
        var arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CompromisoApplication.class).run(arguments);
    }

    public static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }
}
