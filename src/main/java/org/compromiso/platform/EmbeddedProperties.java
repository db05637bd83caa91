package org.compromiso.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default: a PostgreSQL server and an SMTP catcher that the service starts itself.
 *
 * @param postgres the embedded PostgreSQL server
 * @param mail     the in-process SMTP server whose mails are shown at {@code /mail}
 */
@ConfigurationProperties("compromiso.embedded")
public record EmbeddedProperties(Postgres postgres, Mail mail) {

    /**
     * @param enabled       start a PostgreSQL server inside the service
     * @param dataDirectory where the server keeps its data between runs
     * @param port          TCP port on localhost; 0 picks a free one
     * @param durable       fsync and synchronous commit on, so a crash loses nothing acknowledged; off only for
     *                      the throw-away servers of tests
     */
    public record Postgres(boolean enabled, Path dataDirectory, int port, boolean durable) {
    }

    /**
     * @param enabled  start an SMTP server inside the service
     * @param smtpPort TCP port on localhost; {@code spring.mail.port} must match it
     */
    public record Mail(boolean enabled, int smtpPort) {
    }
}
