package org.compromiso.reminders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.compromiso.platform.ServiceAddress;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a reminder as a mail in the recipients' language: HTML and plain text from the templates in
 * {@code templates/mail/}, a link to the task in Tasklist, the deadline as an iCalendar attachment. The
 * Message-ID is the reminder's own, so a resend after a crash folds into the first in mail clients.
 */
@Component
class ReminderMail {

    private final MessageSource messages;
    private final ReminderProperties properties;
    private final ServiceAddress address;
    private final TemplateEngine html;
    private final TemplateEngine text;

    ReminderMail(MessageSource messages, ReminderProperties properties, ServiceAddress address) {
        this.messages = messages;
        this.properties = properties;
        this.address = address;
        this.html = engine(TemplateMode.HTML, ".html", messages);
        this.text = engine(TemplateMode.TEXT, ".txt", messages);
    }

    /** What a reminder says: its step and commitment in each recipient language, the agencies waiting, its zone. */
    record Content(ReminderOutbox.PendingReminder reminder, Map<String, Wording> wording, List<String> waitingOn,
                   ZoneId zone) {

        Wording in(String language) {
            return wording.getOrDefault(language, new Wording(reminder.taskName(), ""));
        }
    }

    /** The step and the commitment's title in one language. */
    record Wording(String taskName, String commitmentTitle) {
    }

    MimeMessage compose(Session session, Content content, String language, List<String> to) throws MessagingException {
        var reminder = content.reminder();
        var wording = content.in(language);
        Locale locale = Locale.forLanguageTag(language);
        var context = new Context(locale);
        context.setVariable("reminder", reminder);
        context.setVariable("kind", reminder.kind());
        context.setVariable("taskName", oneLine(wording.taskName()));
        context.setVariable("commitmentCode", reminder.commitmentCode());
        context.setVariable("commitmentTitle", oneLine(wording.commitmentTitle()));
        context.setVariable("waitingOn", String.join(", ", content.waitingOn()));
        context.setVariable("due", reminder.dueAt().atZone(content.zone()));
        context.setVariable("link", taskLink(reminder.taskId()));

        MimeMessage message = new FixedIdMessage(session, reminder.messageId(language));
        var helper = new SharedTypesHelper(message);
        helper.setFrom(properties.from());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(oneLine(messages.getMessage("reminder.subject." + reminder.kind(),
                new Object[] {oneLine(wording.taskName()), reminder.commitmentCode() == null ? "" : reminder.commitmentCode(),
                        reminder.dueAt().atZone(content.zone()).toLocalDate()}, locale)));
        helper.setText(text.process("mail/reminder", context), html.process("mail/reminder", context));
        String summary = oneLine(wording.taskName()) + (reminder.commitmentCode() == null ? "" : " · " + reminder.commitmentCode());
        String calendar = DeadlineCalendar.of(List.of(new DeadlineCalendar.Deadline(reminder.taskId() + "@compromiso",
                reminder.dueAt(), summary, oneLine(wording.commitmentTitle()), taskLink(reminder.taskId()))), Instant.now());
        helper.addAttachment("deadline.ics", () -> new java.io.ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)),
                "text/calendar; charset=UTF-8; method=PUBLISH");
        return message;
    }

    String taskLink(String taskId) {
        return address.baseUrl(properties.tasklistBaseUrl()) + TaskLinks.PATH + taskId;
    }

    /** Names and titles come from users: no line breaks reach a mail header. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    /**
     * Spring's helper gives a message not made by its sender (ours keeps a fixed Message-ID) a file type map of
     * its own, parsing mime.types for every mail: a reminder storm spent a quarter of its mail work there.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = new ConfigurableMimeFileTypeMap();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    /** Keeps the reminder's Message-ID instead of the random one Jakarta Mail sets when saving. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
