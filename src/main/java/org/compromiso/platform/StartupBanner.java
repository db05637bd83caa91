package org.compromiso.platform;

import org.compromiso.identity.DemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints, once the service is ready, where each surface is and how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final ObjectProvider<DemoUsers> demoUsers;

    StartupBanner(Environment environment, ObjectProvider<DemoUsers> demoUsers) {
        this.environment = environment;
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080")
                + environment.getProperty("server.servlet.context-path", "");
        var text = new StringBuilder("\n\n  Compromiso is ready\n")
                .append("  Tasklist     ").append(base).append("/camunda/app/tasklist/\n")
                .append("  Cockpit      ").append(base).append("/camunda/app/cockpit/\n")
                .append("  Admin        ").append(base).append("/camunda/app/admin/\n")
                .append("  API          ").append(base).append("/api/docs\n")
                .append("  Engine REST  ").append(base).append("/engine-rest\n")
                .append("  Health       ").append(base).append("/actuator/health\n");
        if (environment.getProperty("compromiso.embedded.mail.enabled", Boolean.class, false)) {
            text.append("  Mail         ").append(base).append("/mail\n");
        }
        demoUsers.ifAvailable(users -> {
            text.append("  Demo logins  (password: ").append(DemoUsers.PASSWORD).append(", public: demo only)\n")
                    .append("    ").append(environment.getProperty("camunda.bpm.admin-user.id"))
                    .append("  administrator\n");
            users.users().forEach(user -> text.append("    ").append(user.id()).append("  ").append(user.group())
                    .append('\n'));
            text.append("  Data         ").append(environment.getProperty("compromiso.embedded.postgres.data-directory"))
                    .append('\n');
        });
        log.info(text.toString());
    }
}
