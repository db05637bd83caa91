package org.compromiso.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moving a task from one agency's group to another leaves the first agency's task grant in place (the engine
 * creates grants for new candidates but never removes them). After the change commits, the grants of groups
 * that are no longer candidates of the task are deleted.
 */
@Component
class CandidateGroupRevocation {

    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;

    CandidateGroupRevocation(TaskService tasks, AuthorizationService authorizations, IdentityService identity) {
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identity = identity;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_UPDATE + "'")
    public void taskUpdated(DelegateTask task) {
        String taskId = task.getId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    revokeStaleGrants(taskId);
                }
            });
        }
    }

    void revokeStaleGrants(String taskId) {
        // the user who moved the task may not manage authorizations; this clean-up is the service's own
        var user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            Set<String> candidates = new HashSet<>();
            List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
            links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId).forEach(candidates::add);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
                    .filter(grant -> grant.getGroupId() != null && !candidates.contains(grant.getGroupId()))
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
