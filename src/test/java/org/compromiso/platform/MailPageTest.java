package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The demo's mail page shows a coordinator or supervisor only the mails sent to them; the desk and admins all. */
@CompromisoTest
class MailPageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JavaMailSender mailSender;

    @Test
    void aMailToOneCoordinatorIsTheirsAndTheDesksNotAnotherAgencys() {
        String subject = send("srecoordinator@compromiso.example", null, null);

        int index = indexIn(page("sreCoordinator", "/mail").getBody(), subject);
        assertThat(page("sreCoordinator", "/mail/" + index).getBody()).contains(subject);
        assertThat(page("deskOfficer", "/mail").getBody()).contains(subject);
        assertThat(page("deskOfficer", "/mail/" + index).getBody()).contains(subject);
        assertThat(page("admin", "/mail").getBody()).contains(subject);

        assertThat(page("gsaCoordinator", "/mail").getBody()).contains("Mail catcher").doesNotContain(subject);
        var another = page("gsaCoordinator", "/mail/" + index);
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(another.getBody()).doesNotContain(subject);
        assertThat(page("gsaCoordinator", "/mail/999999").getStatusCode()).as("as a mail that never came")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void ccAndBccRecipientsSeeTheMailToo() {
        String subject = send("someone@elsewhere.example", "sresupervisor@compromiso.example",
                "gsacoordinator@compromiso.example");

        int index = indexIn(page("sreSupervisor", "/mail").getBody(), subject);
        assertThat(page("sreSupervisor", "/mail/" + index).getStatusCode()).isEqualTo(HttpStatus.OK);
        int bcc = indexIn(page("gsaCoordinator", "/mail").getBody(), subject);
        assertThat(page("gsaCoordinator", "/mail/" + bcc).getBody()).contains(subject);

        assertThat(page("semarCoordinator", "/mail").getBody()).doesNotContain(subject);
        assertThat(page("semarCoordinator", "/mail/" + index).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("semarCoordinator", "/mail/" + bcc).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String send(String to, String cc, String bcc) {
        String subject = "Mail page probe " + UUID.randomUUID();
        var mail = new SimpleMailMessage();
        mail.setFrom("compromiso@localhost");
        mail.setTo(to);
        if (cc != null) {
            mail.setCc(cc);
        }
        if (bcc != null) {
            mail.setBcc(bcc);
        }
        mail.setSubject(subject);
        mail.setText("For the mail page test.");
        mailSender.send(mail);
        return subject;
    }

    private org.springframework.http.ResponseEntity<String> page(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    /** The index the page links this mail under. */
    private static int indexIn(String page, String subject) {
        var link = Pattern.compile("href=\"/mail/(\\d+)\">" + Pattern.quote(subject) + "<").matcher(page);
        assertThat(link.find()).as("a link to " + subject + " in\n" + page).isTrue();
        return Integer.parseInt(link.group(1));
    }
}
