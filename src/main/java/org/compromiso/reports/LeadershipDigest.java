package org.compromiso.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.camunda.bpm.engine.IdentityService;
import org.compromiso.identity.Groups;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.compromiso.platform.ServiceAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The weekly leadership digest: the status counts and what is overdue in the body, the full report attached as
 * a PDF, in each reader's language, to every member of the leadership group. Scheduled by
 * {@code bpmn/leadership-digest.bpmn}, so it goes out once in a cluster and an SMTP failure is retried.
 */
@Component
class LeadershipDigest {

    private static final Logger log = LoggerFactory.getLogger(LeadershipDigest.class);

    private final StatusReports reports;
    private final ReportRenderer renderer;
    private final ReportLabels labels;
    private final BallHolders ballHolders;
    private final JavaMailSender mail;
    private final IdentityService identity;
    private final MeetingRepository meetings;
    private final ReportProperties properties;
    private final ServiceAddress address;
    private final String from;

    LeadershipDigest(StatusReports reports, ReportRenderer renderer, ReportLabels labels, BallHolders ballHolders,
                     JavaMailSender mail,
                     IdentityService identity, MeetingRepository meetings, ReportProperties properties,
                     ServiceAddress address, org.springframework.core.env.Environment environment) {
        this.reports = reports;
        this.renderer = renderer;
        this.labels = labels;
        this.ballHolders = ballHolders;
        this.mail = mail;
        this.identity = identity;
        this.meetings = meetings;
        this.properties = properties;
        this.address = address;
        this.from = environment.getProperty("compromiso.reminders.from", "compromiso@localhost");
    }

    /** Mails the digest as of that moment; returns the user ids it went to. */
    List<String> send(Instant at) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        var sentTo = new ArrayList<String>();
        identity.createUserQuery().memberOfGroup(Groups.LEADERSHIP).listPage(0, 500).forEach(user -> {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                log.warn("Leadership member {} has no email address: no digest", user.getId());
                return;
            }
            String language = "es".equals(identity.getUserInfo(user.getId(), "language")) ? "es" : "en";
            byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(user.getEmail());
            sentTo.add(user.getId());
        });
        List<String> meetingCodes = meetings.findAll().stream().map(Meeting::code).toList();
        byLanguage.forEach((language, addresses) -> {
            var report = reports.draw(at, ReportFilter.ALL, null, language);
            try {
                var message = mail.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(addresses.toArray(String[]::new));
                helper.setSubject(labels.message("digest.subject", new Object[] {report.asOf()}, language));
                helper.setText(body(report, language));
                helper.addAttachment("status-" + report.asOf() + ".pdf", new ByteArrayResource(renderer.pdf(report, meetingCodes)),
                        "application/pdf");
                mail.send(message);
            } catch (MessagingException e) {
                throw new IllegalStateException("Could not write the digest", e);
            }
        });
        return sentTo;
    }

    private String body(StatusReport report, String language) {
        var words = labels.of(language);
        var text = new StringBuilder(labels.message("digest.intro",
                new Object[] {report.asOf(), address.baseUrl(properties.baseUrl()) + "/reports/status?lang=" + language}, language))
                .append("\n\n").append(words.get("counts")).append(":\n");
        report.counts().forEach((status, count) ->
                text.append("  ").append(words.get("status." + status.name())).append(": ").append(count).append('\n'));
        text.append('\n').append(words.get("overdue")).append(":\n");
        if (report.overdue().isEmpty()) {
            text.append("  ").append(words.get("none")).append('\n');
        }
        var holders = ballHolders.reader(language);
        report.overdue().forEach(line -> {
            text.append("  ").append(line.code()).append("  ").append(line.title())
                    .append(line.nextDeadline() == null ? "" : "  (" + line.nextDeadline() + ")").append('\n');
            String waiting = holders.waiting(line, report.asOf());
            if (waiting != null) {
                text.append("      ").append(line.currentStep()).append(": ").append(waiting).append('\n');
            }
        });
        return text.toString();
    }
}
