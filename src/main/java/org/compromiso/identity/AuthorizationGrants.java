package org.compromiso.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine, granted at every start when missing (the README's table).
 * Coordinators get no blanket task rights: the engine grants a group READ and TASK_WORK on a task when it
 * becomes a candidate ({@code default-user-permission-name-for-task}), so an agency sees only its own tasks.
 */
@Component
@DependsOnDatabaseInitialization
@DependsOn({"agencyGroups", "tasklistFilters"})
class AuthorizationGrants implements InitializingBean {

    private final AuthorizationService authorizations;
    private final AgencyDirectory agencies;

    AuthorizationGrants(AuthorizationService authorizations, AgencyDirectory agencies) {
        this.authorizations = authorizations;
        this.agencies = agencies;
    }

    @Override
    public void afterPropertiesSet() {
        for (Agency agency : agencies.all()) {
            grantCoordinator(agency.code());
            grantCoordinator(Groups.supervisorsOf(agency.code()));
        }
        grantCoordinator(Groups.DESK);
        grant(Groups.DESK, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.DESK, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE);
        grant(Groups.DESK, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE);
        grantCoordinator(Groups.LEADERSHIP);
        grant(Groups.LEADERSHIP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.LEADERSHIP, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(Groups.LEADERSHIP, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    }

    /** Tasklist, the shared filters, and the process definitions (names and diagrams), nothing more. */
    private void grantCoordinator(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.FILTER, ANY, Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        var existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list();
        var authorization = existing.isEmpty() ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT)
                : existing.get(0);
        if (existing.isEmpty()) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        List.of(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
