package org.compromiso.resilience;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.TestSocketUtils;

/**
 * What the nodes of a fault test share and outlive: one PostgreSQL and one mail server, in this JVM, started
 * before the test class and stopped after it ({@code @RegisterExtension static FaultServers servers}).
 */
final class FaultServers implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<SharedPostgres> databases;
    private SharedPostgres database;
    private GreenMail mailServer;
    private JdbcClient jdbc;

    /** On the external PostgreSQL when CI gives one, else on a server of the test's own. */
    FaultServers() {
        this(SharedPostgres::forServices);
    }

    private FaultServers(Supplier<SharedPostgres> databases) {
        this.databases = databases;
    }

    /** On a PostgreSQL server of the test's own, which it may stop, crash and start ({@link #database()}). */
    static FaultServers withOwnDatabaseServer() {
        return new FaultServers(SharedPostgres::ownServer);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = databases.get();
        jdbc = database.jdbc();
        mailServer = new GreenMail(new ServerSetup(TestSocketUtils.findAvailableTcpPort(), "127.0.0.1", "smtp"));
        mailServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        mailServer.stop();
        database.close();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    GreenMail mailServer() {
        return mailServer;
    }

    SharedPostgres database() {
        return database;
    }

    /** A node started in a JVM of its own on these servers, with its own name and sending rate. */
    ServiceNode node(String name, int ratePerMinute) {
        return ServiceNode.start(name, settings(name, ratePerMinute));
    }

    /** A node's settings for these servers, with its own name and sending rate. */
    Map<String, String> settings(String name, int ratePerMinute) {
        var settings = ServiceNode.settings(database, mailServer.getSmtp().getPort());
        settings.put("compromiso.reminders.rate-per-minute", String.valueOf(ratePerMinute));
        settings.put("compromiso.reminders.send-interval", "PT0.5S");
        settings.put("camunda.bpm.generic-properties.properties.hostname", name);
        return settings;
    }

    /** Message-IDs of the trial tasks' reminders at the mail server (the demo's own may arrive too). */
    List<String> trialMessageIds() {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(FaultServers::aboutATrialTask)
                .map(FaultServers::messageId).toList();
    }

    long sentTrialReminders() {
        return jdbc.sql("SELECT count(*) FROM compromiso.reminder WHERE state = 'sent' AND task_name = 'Trial task'")
                .query(Long.class).single();
    }

    private static boolean aboutATrialTask(MimeMessage message) {
        try {
            return message.getSubject().contains("Trial task");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
