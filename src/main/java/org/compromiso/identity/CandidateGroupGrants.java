package org.compromiso.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.compromiso.engine.ServiceWork;
import org.compromiso.engine.TaskHook;
import org.compromiso.engine.TouchedTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps a task's grants in step with its candidate groups. The engine grants a group READ and TASK_WORK when it
 * becomes a candidate, and the assignee when they claim, but never takes a grant back: a task moved from one
 * agency to another would stay open to the first agency and to its coordinator who had claimed it. Just before the
 * change commits, the grants of groups that are no longer candidates are deleted; if any were, so are the grants
 * of users in none of the remaining candidate groups, and such an assignee is unassigned. Each agency's
 * supervisors group may read the tasks of its agency.
 */
@Component
@Order(2)
class CandidateGroupGrants implements TaskHook {

    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final ServiceWork serviceWork;
    private final ApplicationEventPublisher events;

    CandidateGroupGrants(TaskService tasks, AuthorizationService authorizations, IdentityService identity,
                         ServiceWork serviceWork, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identity = identity;
        this.serviceWork = serviceWork;
        this.events = events;
    }

    @Override
    public void taskEvent(DelegateTask task) {
        serviceWork.atCommit("grants", task, this::align);
    }

    /** A task that ended takes its grants with it (the engine deletes them); one still open is aligned. */
    private void align(TouchedTask touched) {
        if (touched.ended()) {
            return;
        }
        DelegateTask task = touched.latest();
        String taskId = task.getId();
        List<IdentityLink> candidates = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        Set<String> groups = new HashSet<>();
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).forEach(groups::add);
        Set<String> supervisors = new HashSet<>();
        if (!groups.isEmpty()) {
            identity.createGroupQuery().groupIdIn(groups.stream().map(Groups::supervisorsOf).toArray(String[]::new))
                    .list().forEach(group -> supervisors.add(group.getId()));
        }

        var grants = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).list();
        var stale = grants.stream().filter(grant -> grant.getGroupId() != null
                && !groups.contains(grant.getGroupId()) && !supervisors.contains(grant.getGroupId())).toList();
        stale.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        supervisors.stream()
                .filter(group -> grants.stream().noneMatch(grant -> group.equals(grant.getGroupId())))
                .forEach(group -> grantRead(group, taskId));
        if (!stale.isEmpty()) {
            Set<String> candidateUsers = new HashSet<>();
            candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).forEach(candidateUsers::add);
            grants.stream().filter(grant -> grant.getUserId() != null && !candidateUsers.contains(grant.getUserId())
                            && !inAnyOf(grant.getUserId(), groups))
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
            String assignee = task.getAssignee();
            if (assignee != null && !candidateUsers.contains(assignee) && !inAnyOf(assignee, groups)) {
                tasks.setAssignee(taskId, null);
                events.publishEvent(new TaskReleased(taskId, task.getProcessInstanceId(), assignee,
                        "the task moved to " + String.join(", ", groups.stream().sorted().toList())));
            }
        }
    }

    private boolean inAnyOf(String userId, Set<String> groups) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .anyMatch(groups::contains);
    }

    private void grantRead(String group, String taskId) {
        var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TASK);
        grant.setResourceId(taskId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
