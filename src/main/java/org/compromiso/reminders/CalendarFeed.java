package org.compromiso.reminders;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's private iCalendar feed of their open deadlines (tasks they are assigned or candidates for).
 * Calendar apps cannot log in, so the feed's URL carries a random token; asking for a new one revokes the old.
 */
@Component
class CalendarFeed {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ReminderMail mail;

    CalendarFeed(JdbcClient jdbc, TaskService tasks, ReminderMail mail) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.mail = mail;
    }

    String tokenOf(String userId, boolean renew) {
        if (!renew) {
            var existing = jdbc.sql("SELECT token FROM calendar_feed WHERE user_id = ?").param(userId)
                    .query(String.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO calendar_feed (user_id, token) VALUES (?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()""")
                .params(userId, token).update();
        return token;
    }

    /** The feed behind a token, or empty when no user has it. */
    Optional<String> calendar(String token) {
        return jdbc.sql("SELECT user_id FROM calendar_feed WHERE token = ?").param(token).query(String.class)
                .optional().map(this::calendarOf);
    }

    private String calendarOf(String userId) {
        var deadlines = tasks.createTaskQuery().taskCandidateUser(userId).includeAssignedTasks().dueAfter(
                        java.util.Date.from(Instant.now().minusSeconds(90L * 24 * 3600)))
                .orderByDueDate().asc().listPage(0, 500).stream()
                .map(task -> new DeadlineCalendar.Deadline(task.getId() + "@compromiso", task.getDueDate().toInstant(),
                        task.getName(), "", mail.taskLink(task.getId())))
                .toList();
        return DeadlineCalendar.of(deadlines, Instant.now());
    }
}
