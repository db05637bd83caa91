package org.compromiso.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.compromiso.identity.Groups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mail page of the embedded default: what the in-process SMTP server received, newest first. The desk and
 * admins see every mail; anyone else the mails delivered to their own address (To, Cc or Bcc), as in a mailbox.
 */
@Controller
@RequestMapping("/mail")
@ConditionalOnProperty(name = "compromiso.embedded.mail.enabled", havingValue = "true")
class MailCatcherController {

    private static final Set<String> SEE_ALL = Set.of("GROUP_" + Groups.DESK, "GROUP_" + Groups.ADMINS);

    private final GreenMail mailCatcher;
    private final IdentityService identity;

    MailCatcherController(GreenMail mailCatcher, IdentityService identity) {
        this.mailCatcher = mailCatcher;
        this.identity = identity;
    }

    @GetMapping
    String list(Authentication user, Model model) throws MessagingException, FolderException {
        var deliveries = deliveries();
        var readable = readableBy(user);
        var newestFirst = new ArrayList<ReceivedMail>();
        for (int index = 0; index < deliveries.size(); index++) {
            if (readable.test(deliveries.get(index))) {
                newestFirst.add(0, ReceivedMail.of(index, deliveries.get(index).message()));
            }
        }
        model.addAttribute("mails", newestFirst);
        model.addAttribute("everyone", seesAll(user));
        return "mail/list";
    }

    @GetMapping("/{index}")
    String show(@PathVariable int index, Authentication user, Model model) throws MessagingException, FolderException {
        var deliveries = deliveries();
        // another's mail is answered as a mail that never came: that it exists is not this user's to know
        if (index < 0 || index >= deliveries.size() || !readableBy(user).test(deliveries.get(index))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + index);
        }
        model.addAttribute("mail", ReceivedMail.of(index, deliveries.get(index).message()));
        return "mail/show";
    }

    /** The desk and admins read every mail; anyone else the copies delivered to their own address. */
    private Predicate<Delivery> readableBy(Authentication user) {
        if (seesAll(user)) {
            return delivery -> true;
        }
        var account = identity.createUserQuery().userId(user.getName()).singleResult();
        String address = account == null ? null : account.getEmail();
        return delivery -> delivery.to().equalsIgnoreCase(address);
    }

    private static boolean seesAll(Authentication user) {
        return user.getAuthorities().stream().anyMatch(authority -> SEE_ALL.contains(authority.getAuthority()));
    }

    /**
     * Each copy the server delivered, oldest first: a new mail comes last, so the indices in links stay put. The
     * server keeps one copy per recipient address, Bcc included, in that address's inbox.
     */
    private List<Delivery> deliveries() throws FolderException {
        var copies = new ArrayList<Delivery>();
        for (GreenMailUser mailbox : mailCatcher.getUserManager().listUser()) {
            for (StoredMessage copy : mailCatcher.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
                copies.add(new Delivery(mailbox.getEmail(), copy));
            }
        }
        copies.sort(Comparator.comparing((Delivery copy) -> copy.stored().getReceivedDate())
                .thenComparing(Delivery::to).thenComparingLong(copy -> copy.stored().getUid()));
        return copies;
    }

    /** One copy of a mail, in the inbox of the address it was delivered to. */
    private record Delivery(String to, StoredMessage stored) {
        MimeMessage message() {
            return stored.getMimeMessage();
        }
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
