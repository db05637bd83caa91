package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.compromiso.resilience.ResilienceTest;
import org.compromiso.resilience.TrialTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.TestSocketUtils;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Guarantee: a mail server that hangs, defers or refuses costs a bounded time, holds no engine thread, and
 * only what it refuses for good is given up, visibly; everything else goes out once.
 */
@ResilienceTest
class MisbehavingMailServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);   // mail.smtp.*timeout of @ResilienceTest

    @Autowired
    TrialTasks trials;
    @Autowired
    ReminderSender sender;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    private final int port = TestSocketUtils.findAvailableTcpPort();
    private String host;
    private int originalPort;
    private Instant due;

    @BeforeEach
    void pointTheSenderAtTheTestServer() {
        jdbc.sql("DELETE FROM reminder").update();
        host = mailSender.getHost();
        originalPort = mailSender.getPort();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(port);
        Instant now = Instant.parse("2024-04-01T15:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        due = now.plus(Duration.ofDays(3));
    }

    @AfterEach
    void restore() {
        mailSender.setHost(host);
        mailSender.setPort(originalPort);
        ClockUtil.reset();
    }

    @Test
    void aHungServerCostsOneTimeoutPerBatchAndTheEngineGoesOnMeanwhile() throws Exception {
        trials.start(20, "gsa", due);
        var cbp = trials.start(5, "cbp", due);
        fallDue();
        var pool = Executors.newSingleThreadExecutor();
        try (var hung = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
            var accepted = new CopyOnWriteArrayList<Socket>();
            var acceptor = new Thread(() -> acceptForever(hung, accepted));
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            var drain = pool.submit(sender::drain);
            await().atMost(TIMEOUT).until(() -> !accepted.isEmpty());

            cbp.forEach(taskId -> tasks.complete(taskId));   // the engine's work does not wait for the mail server
            trials.start(5, "gsa", due.plus(Duration.ofDays(1)));
            assertThat(drain.isDone()).as("the sender still waits on the server").isFalse();

            assertThat(drain.get(TIMEOUT.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(25);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("one timeout for the whole batch, not one per mail").isLessThan(TIMEOUT.multipliedBy(2));
        } finally {
            pool.shutdownNow();
        }
        var rows = jdbc.sql("SELECT state, last_error FROM reminder WHERE fire_at = ?")
                .param(java.sql.Timestamp.from(due)).query().listOfRows();
        assertThat(rows).hasSize(25).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("pending");
            assertThat((String) row.get("last_error")).containsIgnoringCase("timed out");
        });
    }

    @Test
    void a451IsRetriedAndThenDeliveredOnce() throws Exception {
        var deferrals = new AtomicInteger(1);
        var received = new ConcurrentHashMap<String, Integer>();
        trials.start(10, "gsa", due);
        fallDue();
        var server = server(recipient -> {
            if (deferrals.get() > 0) {
                throw new RejectException(451, "4.3.2 try again later");
            }
        }, received);
        try {
            assertThat(sender.drain()).isEqualTo(10);
            assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE state = 'pending' AND last_error LIKE '%451%'")
                    .query(Long.class).single()).isEqualTo(10);
            deferrals.set(0);
            jdbc.sql("UPDATE reminder SET next_attempt_at = now() WHERE state = 'pending'").update();
            assertThat(sender.drain()).isEqualTo(10);
        } finally {
            server.stop();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM reminder WHERE state = 'sent' AND attempts = 2")
                .query(Long.class).single()).isEqualTo(10);
        assertThat(received).hasSize(10).allSatisfy((id, times) -> assertThat(times).isOne());
    }

    @Test
    void a550ForOneRecipientIsFinalForThemAndLeavesEveryoneElseAlone() throws Exception {
        if (identity.createUserQuery().userId("gsaDeputy").count() == 0) {
            var deputy = identity.newUser("gsaDeputy");
            deputy.setEmail("refused.gsadeputy@compromiso.example");
            identity.saveUser(deputy);
            identity.createMembership("gsaDeputy", "gsa");
        }
        var shared = trials.start(3, "gsa", due);     // gsaCoordinator and the refused deputy
        var refusedOnly = trials.start(2, "nsc", due);
        var nscCoordinator = identity.createUserQuery().userId("nscCoordinator").singleResult();
        String nscEmail = nscCoordinator.getEmail();
        nscCoordinator.setEmail("refused.nsc@compromiso.example");
        identity.saveUser(nscCoordinator);
        var others = trials.start(4, "cbp", due);
        fallDue();
        var received = new ConcurrentHashMap<String, Integer>();
        var server = server(recipient -> {
            if (recipient.startsWith("refused.")) {
                throw new RejectException(550, "5.1.1 no such mailbox");
            }
        }, received);
        try {
            assertThat(sender.drain()).isEqualTo(9);
            jdbc.sql("UPDATE reminder SET next_attempt_at = now() WHERE state = 'pending'").update();
            assertThat(sender.drain()).as("nothing is retried").isZero();
        } finally {
            server.stop();
            nscCoordinator.setEmail(nscEmail);
            identity.saveUser(nscCoordinator);
        }
        assertThat(stateOf(shared)).containsOnly("sent");
        assertThat(jdbc.sql("SELECT DISTINCT array_to_string(rejected, ',') FROM reminder WHERE task_id IN (:ids)")
                .param("ids", shared).query(String.class).list()).containsExactly("refused.gsadeputy@compromiso.example");
        assertThat(stateOf(refusedOnly)).containsOnly("failed");
        assertThat(jdbc.sql("SELECT max(attempts) FROM reminder WHERE task_id IN (:ids)").param("ids", refusedOnly)
                .query(Integer.class).single()).as("one attempt only").isOne();
        assertThat(stateOf(others)).containsOnly("sent");
        assertThat(received).as("3 to gsa's coordinator, 4 to cbp's").hasSize(7);
    }

    private Set<String> stateOf(List<String> taskIds) {
        return jdbc.sql("SELECT state FROM reminder WHERE task_id IN (:ids)").param("ids", taskIds)
                .query(String.class).set();
    }

    private void fallDue() {
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        trials.fireDueReminders();
    }

    /** A real SMTP server whose answer to each recipient the test decides; counts each Message-ID it takes. */
    private SMTPServer server(RecipientCheck check, Map<String, Integer> received) {
        var server = SMTPServer.port(port).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(context -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        check.accept(recipient);
                    }

                    @Override
                    public String data(InputStream data) throws IOException {
                        String text = new String(data.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        String id = text.lines().filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
                                .findFirst().orElseThrow().substring(11).strip();
                        received.merge(id, 1, Integer::sum);
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
        return server;
    }

    private static void acceptForever(ServerSocket socket, List<Socket> accepted) {
        try {
            while (!socket.isClosed()) {
                accepted.add(socket.accept());   // and never answer
            }
        } catch (IOException closed) {
            accepted.forEach(each -> {
                try {
                    each.close();
                } catch (IOException ignored) {
                    // the test is over
                }
            });
        }
    }

    @FunctionalInterface
    private interface RecipientCheck {
        void accept(String recipient) throws RejectException;
    }
}
