package org.compromiso.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** The mail page of the embedded default: what the in-process SMTP server received, newest first. */
@Controller
@RequestMapping("/mail")
@ConditionalOnProperty(name = "compromiso.embedded.mail.enabled", havingValue = "true")
class MailCatcherController {

    private final GreenMail mailCatcher;

    MailCatcherController(GreenMail mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @GetMapping
    String list(Model model) throws MessagingException {
        var newestFirst = new ArrayList<>(received());
        Collections.reverse(newestFirst);
        model.addAttribute("mails", newestFirst);
        return "mail/list";
    }

    @GetMapping("/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        var mails = received();
        if (index < 0 || index >= mails.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + index);
        }
        model.addAttribute("mail", mails.get(index));
        return "mail/show";
    }

    private List<ReceivedMail> received() throws MessagingException {
        var messages = mailCatcher.getReceivedMessages();
        var mails = new ArrayList<ReceivedMail>(messages.length);
        for (int i = 0; i < messages.length; i++) {
            mails.add(ReceivedMail.of(i, messages[i]));
        }
        return mails;
    }

    /** One received mail as the page shows it: its plain text, the links in it, its attachments, its source. */
    record ReceivedMail(int index, String messageId, String from, String to, String subject, Date sent,
                        String text, List<String> links, List<String> attachments, String source) {

        private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

        static ReceivedMail of(int index, MimeMessage message) throws MessagingException {
            var text = new StringBuilder();
            var attachments = new ArrayList<String>();
            try {
                collect(message, text, attachments);
            } catch (IOException e) {
                text.append("(unreadable: ").append(e.getMessage()).append(')');
            }
            List<String> links = LINK.matcher(text).results().map(MatchResult::group).distinct().toList();
            return new ReceivedMail(index, message.getMessageID(),
                    Arrays.toString(message.getFrom()),
                    Arrays.toString(message.getAllRecipients()),
                    message.getSubject(), message.getSentDate(), text.toString(), links, attachments,
                    GreenMailUtil.getWholeMessage(message));
        }

        private static void collect(Part part, StringBuilder text, List<String> attachments)
                throws MessagingException, IOException {
            if (part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text.append(part.getContent());
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), text, attachments);
                }
            }
        }
    }
}
