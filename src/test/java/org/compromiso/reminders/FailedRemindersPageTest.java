package org.compromiso.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@CompromisoTest
class FailedRemindersPageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDeskSeesWhatDidNotGoOutAndSendsItAgain() {
        long id = jdbc.sql("""
                        INSERT INTO reminder (task_id, task_name, process_instance_id, commitment_code, rule, kind, due_at,
                                              fire_at, message_id, state, attempts, last_error)
                        VALUES ('page-task', 'Agree the <agenda>', 'page-process', 'MXUS-2401-DARIEN-VISIT', 'due',
                                'reminder', now(), now(), 'reminder-page@compromiso', 'failed', 5, 'Connection refused')
                        RETURNING id""").query(Long.class).single();

        var page = http.withBasicAuth("deskOfficer", "demo").getForEntity("/reminders/failed", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Agree the &lt;agenda&gt;", "Connection refused", "Send again");
        assertThat(http.withBasicAuth("sreCoordinator", "demo").getForEntity("/reminders/failed", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var retried = http.withBasicAuth("deskOfficer", "demo").postForEntity("/reminders/" + id + "/retry", null,
                String.class);

        assertThat(retried.getStatusCode()).as("back on the page").isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("SELECT state FROM reminder WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("pending");
        jdbc.sql("DELETE FROM reminder WHERE id = ?").param(id).update();
    }
}
