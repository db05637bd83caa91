package org.compromiso.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where users reach this service, for links in mails: the configured public address, else this server on
 * localhost at the port it actually listens on (so the demo's links work on any {@code PORT}).
 */
@Component
public class ServiceAddress {

    private final Environment environment;

    ServiceAddress(Environment environment) {
        this.environment = environment;
    }

    /** The configured base URL without a trailing slash, or {@code http://localhost:<port>} when none is set. */
    public String baseUrl(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        // set once the web server has started; a service without one (tests) falls back to the configured port
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** This node's name in logs and in the reminder log: host and port, unique among the nodes of a cluster. */
    public String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
