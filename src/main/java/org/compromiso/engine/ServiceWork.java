package org.compromiso.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

    private final IdentityService identity;

    ServiceWork(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Runs the work just before the current transaction commits, once per key however often it is asked for (a
     * task's several events in one transaction need one look at it); not at all when there is no transaction.
     */
    public void atCommit(Object key, Runnable work) {
        Registered registered = registered();
        if (registered != null && registered.keys.add(key)) {
            register(work);
        }
    }

    /**
     * Runs the work once per purpose and task just before the current transaction commits, with what the
     * transaction did to the task; each of the task's events in the transaction is to be passed here.
     */
    public void atCommit(String purpose, DelegateTask task, Consumer<TouchedTask> work) {
        Registered registered = registered();
        if (registered == null) {
            return;
        }
        registered.tasks.computeIfAbsent(new TaskPurpose(purpose, task.getId()), key -> {
            var touched = new TouchedTask();
            register(() -> work.accept(touched));
            return touched;
        }).saw(task);
    }

    /** What this transaction registered so far; null when there is no transaction. */
    private Registered registered() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var registered = (Registered) TransactionSynchronizationManager.getResource(Registered.class);
        if (registered == null) {
            registered = new Registered();
            TransactionSynchronizationManager.bindResource(Registered.class, registered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Registered.class);
                }
            });
        }
        return registered;
    }

    private void register(Runnable work) {
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

    private record TaskPurpose(String purpose, String taskId) {
    }

    private static final class Registered {
        private final Set<Object> keys = new HashSet<>();
        private final Map<TaskPurpose, TouchedTask> tasks = new HashMap<>();
    }
}
