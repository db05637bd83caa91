package org.compromiso.bench;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;

/**
 * What reached the in-process SMTP server, counted per Message-ID. Each collection takes the mails out of the
 * server, so a storm of 100,000 mails does not pile up in this JVM's memory (and in its resident-memory figure).
 */
final class DeliveredMail {

    private final GreenMail server;
    private final Map<String, Integer> byMessageId = new HashMap<>();

    DeliveredMail(GreenMail server) {
        this.server = server;
    }

    /** Empties the server and forgets what was counted. */
    synchronized void clear() throws FolderException {
        server.purgeEmailFromAllMailboxes();
        byMessageId.clear();
    }

    /** Counts and removes the mails that arrived since the last collection. */
    synchronized void collect() throws FolderException, MessagingException {
        var folders = server.getManagers().getImapHostManager();
        for (var user : server.getUserManager().listUser()) {
            var inbox = folders.getInbox(user);
            for (var stored : inbox.getNonDeletedMessages()) {
                byMessageId.merge(stored.getMimeMessage().getMessageID(), 1, Integer::sum);
                stored.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.expunge();
        }
    }

    /** How often each mail of the reminder with this outbox Message-ID arrived (one mail per language). */
    synchronized int timesReceived(String outboxMessageId) {
        return byMessageId.getOrDefault("<en." + outboxMessageId + ">", 0)
                + byMessageId.getOrDefault("<es." + outboxMessageId + ">", 0);
    }

    synchronized int distinctMessages() {
        return byMessageId.size();
    }
}
