package org.compromiso.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work the service does on its own account once a user's change has committed: in a transaction of its own
 * (the committed one can take no more writes), with no engine user set, so that authorizations the user lacks
 * (managing grants, reading the operation log) do not stand in the way.
 */
@Component
public class ServiceWork {

    private final IdentityService identity;
    private final TransactionTemplate transaction;

    ServiceWork(IdentityService identity, PlatformTransactionManager transactions) {
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs the work after the current transaction commits; not at all when it rolls back or there is none. */
    public void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                run(work);
            }
        });
    }

    private void run(Runnable work) {
        var user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            transaction.executeWithoutResult(status -> work.run());
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
