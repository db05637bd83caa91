package org.compromiso.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by an unreachable database (down, restarting, no connection in time) from any other:
 * such a request changed nothing and may simply be tried again, so it is answered 503, not 500.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * Whether the database went away while committing: the change may or may not have been saved, and the
     * answer must not claim either. Asked on the thread the failure happened on, right after it.
     */
    public static boolean inDoubt(Throwable failure) {
        return CommitOutcomes.lastCommitInDoubt() || ExceptionUtils.getThrowableList(failure).stream()
                .anyMatch(cause -> cause instanceof TransactionSystemException commit
                        && String.valueOf(commit.getMessage()).startsWith("Could not commit"));
    }

    /** What the client is told: nothing changed, or, when the commit itself was cut off, that it may have. */
    public static String explanation(Throwable failure) {
        return inDoubt(failure)
                ? "The database went away while saving: the change may or may not have been saved. Look before trying again."
                : "The database cannot be reached; nothing was changed. Try again in a few seconds.";
    }

    public static boolean causedBy(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream().anyMatch(DatabaseOutage::isOutage);
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
            return true;
        }
        // the rollback after the failed statement failed too: the statement's own failure tells
        if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                && causedBy(rollback.getApplicationException())) {
            return true;
        }
        // the pool closed the broken connection under the transaction that held it
        if (cause instanceof SQLException closed && "Connection is closed".equals(closed.getMessage())) {
            return true;
        }
        // 08: connection exception; 57P01-03: the server is shutting down or starting up
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }
}
