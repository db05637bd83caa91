package org.compromiso.identity;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work the service does on its own account as part of a user's change, just before that change commits: in the
 * same transaction, so it commits or rolls back with the change and never waits for a second connection (a
 * second transaction per request starves the pool under load), and with no engine user set, so that
 * authorizations the user lacks (managing grants, reading the operation log) do not stand in the way. By then
 * the engine has flushed the change, so the work sees it.
 */
@Component
public class ServiceWork {

    private static final Object KEYS = new Object();

    private final IdentityService identity;

    ServiceWork(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Runs the work just before the current transaction commits, once per key however often it is asked for (a
     * task's several events in one transaction need one look at it); not at all when there is no transaction.
     */
    public void atCommit(Object key, Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Object> keys = (Set<Object>) TransactionSynchronizationManager.getResource(KEYS);
        if (keys == null) {
            Set<Object> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEYS, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEYS);
                }
            });
            keys = fresh;
        }
        if (!keys.add(key)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                asService(() -> {
                    work.run();
                    return null;
                });
            }
        });
    }

    /** Runs the work now with no engine user set, whoever the caller is; the caller's user is back afterwards. */
    public <T> T asService(Supplier<T> work) {
        var user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
