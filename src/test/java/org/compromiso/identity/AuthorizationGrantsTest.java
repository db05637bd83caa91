package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's table of what each group may do in the engine, grant by grant. Coordinators have no blanket task
 * rights: a task's own grants, given when its group becomes a candidate, are all that open it to an agency.
 */
class AuthorizationGrantsTest {

    static final Set<String> COORDINATOR = Set.of("APPLICATION tasklist ACCESS", "FILTER * READ",
            "PROCESS_DEFINITION * READ", "DEPLOYMENT * READ");

    final AuthorizationService authorizations = mock(AuthorizationService.class);
    final AgencyDirectory agencies = mock(AgencyDirectory.class);
    final List<Authorization> saved = new ArrayList<>();

    @BeforeEach
    void grantAtStart() {
        var query = mock(AuthorizationQuery.class, RETURNS_SELF);
        when(query.list()).thenReturn(List.of());
        when(authorizations.createAuthorizationQuery()).thenReturn(query);
        when(authorizations.createNewAuthorization(AUTH_TYPE_GRANT))
                .thenAnswer(invocation -> new AuthorizationEntity(AUTH_TYPE_GRANT));
        when(authorizations.saveAuthorization(any())).thenAnswer(invocation -> {
            saved.add(invocation.getArgument(0));
            return invocation.getArgument(0);
        });
        when(agencies.all()).thenReturn(List.of(new Agency("sre", "MX", "SRE", "Foreign Affairs", "SRE",
                "America/Mexico_City"), new Agency("gsa", "US", "GSA", "General Services", "GSA", "America/New_York")));

        new AuthorizationGrants(authorizations, agencies).afterPropertiesSet();
    }

    @Test
    void anAgencysCoordinatorsAndSupervisorsGetTasklistTheFiltersAndTheModelsOnly() {
        for (String group : List.of("sre", "sresupervisors", "gsa", "gsasupervisors")) {
            assertThat(grantsOf(group)).as(group).isEqualTo(COORDINATOR);
        }
    }

    @Test
    void theDeskRunsTheProcessesInCockpit() {
        var desk = new TreeSet<>(COORDINATOR);
        desk.addAll(Set.of("APPLICATION cockpit ACCESS", "PROCESS_DEFINITION * CREATE_INSTANCE",
                "PROCESS_DEFINITION * DELETE_INSTANCE", "PROCESS_DEFINITION * READ_HISTORY",
                "PROCESS_DEFINITION * READ_INSTANCE", "PROCESS_DEFINITION * READ_TASK",
                "PROCESS_DEFINITION * UPDATE_INSTANCE", "PROCESS_INSTANCE * CREATE", "PROCESS_INSTANCE * DELETE",
                "PROCESS_INSTANCE * READ", "PROCESS_INSTANCE * UPDATE"));

        assertThat(grantsOf(Groups.DESK)).isEqualTo(desk);
    }

    @Test
    void leadershipReadsEverythingAndChangesNothing() {
        var leadership = new TreeSet<>(COORDINATOR);
        leadership.addAll(Set.of("APPLICATION cockpit ACCESS", "PROCESS_DEFINITION * READ_HISTORY",
                "PROCESS_DEFINITION * READ_INSTANCE", "PROCESS_DEFINITION * READ_TASK", "PROCESS_INSTANCE * READ"));

        assertThat(grantsOf(Groups.LEADERSHIP)).isEqualTo(leadership);
    }

    @Test
    void everyGrantIsAGroupsOnOneResource() {
        assertThat(saved).allSatisfy(grant -> {
            assertThat(grant.getGroupId()).isNotNull();
            assertThat(grant.getUserId()).isNull();
            assertThat(grant.getAuthorizationType()).isEqualTo(AUTH_TYPE_GRANT);
        });
        assertThat(saved).extracting(Authorization::getGroupId).containsOnly("sre", "sresupervisors", "gsa",
                "gsasupervisors", Groups.DESK, Groups.LEADERSHIP);
    }

    /** "RESOURCE id PERMISSION" for each permission granted to the group. */
    private Set<String> grantsOf(String group) {
        var grants = new TreeSet<String>();
        saved.stream().filter(grant -> group.equals(grant.getGroupId())).forEach(grant -> {
            String resource = Arrays.stream(Resources.values())
                    .filter(each -> each.resourceType() == grant.getResourceType()).findFirst().orElseThrow().name();
            Arrays.stream(grant.getPermissions(permissionsOf(grant.getResourceType())))
                    .filter(permission -> permission.getValue() != 0)
                    .forEach(permission -> grants.add(resource + " " + grant.getResourceId() + " " + permission.getName()));
        });
        return grants;
    }

    private static Permission[] permissionsOf(int resourceType) {
        if (resourceType == Resources.PROCESS_DEFINITION.resourceType()) {
            return ProcessDefinitionPermissions.values();
        }
        if (resourceType == Resources.PROCESS_INSTANCE.resourceType()) {
            return ProcessInstancePermissions.values();
        }
        return Arrays.stream(Permissions.values()).filter(permission -> permission != Permissions.ALL)
                .toArray(Permission[]::new);
    }
}
