package org.compromiso.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/** Tells a failure worth retrying (connection, 4xx) from one that will fail again (5xx, bad address). */
final class SmtpFailure {

    private SmtpFailure() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof MailParseException || cause instanceof MailPreparationException
                    || cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** With partial sending on, the server took the mail for some recipients and refused others. */
    static boolean reachedSomeone(Throwable failure) {
        return sendFailure(failure).map(send -> send.getValidSentAddresses() != null
                && send.getValidSentAddresses().length > 0).orElse(false);
    }

    /** The addresses the server refused for good (5xx), as text. */
    static List<String> refusedRecipients(Throwable failure) {
        var refused = new ArrayList<String>();
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                refused.add(address.getAddress().toString());
            }
        }
        return refused;
    }

    private static Optional<SendFailedException> sendFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SendFailedException send) {
                return Optional.of(send);
            }
        }
        return Optional.empty();
    }

    static String describe(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < 1000; cause = next(cause)) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        if (cause instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause.getCause()) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
