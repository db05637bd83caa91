package org.compromiso.platform;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Remembers, per thread, whether the last transaction's commit was cut off: the commit failed and no rollback
 * confirmed that nothing was kept (the connection was gone for that too), so the change may or may not have been
 * saved. The failure that reaches a caller then is the rollback's, or a translated one, which says nothing of the
 * commit. Spring Boot hands this listener to the transaction manager that Spring and the engine share.
 */
@Component
class CommitOutcomes implements TransactionExecutionListener {

    private static final ThreadLocal<Boolean> COMMITTING = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> IN_DOUBT = new ThreadLocal<>();

    /** Whether the last transaction that ended on this thread ended with its commit in doubt. */
    static boolean lastCommitInDoubt() {
        return Boolean.TRUE.equals(IN_DOUBT.get());
    }

    /** A new request: what an earlier one on this thread left says nothing about it. */
    static void forget() {
        COMMITTING.remove();
        IN_DOUBT.remove();
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        IN_DOUBT.remove();
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        COMMITTING.set(true);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        ended(commitFailure != null);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        // a rollback after a failed commit that failed too: the server may have committed before the line went
        ended(Boolean.TRUE.equals(COMMITTING.get()) && rollbackFailure != null);
    }

    private static void ended(boolean inDoubt) {
        COMMITTING.remove();
        if (inDoubt) {
            IN_DOUBT.set(true);
        } else {
            IN_DOUBT.remove();
        }
    }
}
