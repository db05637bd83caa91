package org.compromiso.identity.internal;

import org.camunda.bpm.engine.IdentityService;
import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.compromiso.identity.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Makes sure every agency has its Camunda group (tasks go to it as candidate group) and its supervisors group,
 * and that the desk and leadership groups exist. Runs at every start; creates only what is missing.
 */
@Component
@DependsOnDatabaseInitialization
public class AgencyGroups implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AgencyGroups.class);

    private final IdentityService identity;
    private final AgencyDirectory agencies;

    AgencyGroups(IdentityService identity, AgencyDirectory agencies) {
        this.identity = identity;
        this.agencies = agencies;
    }

    @Override
    public void afterPropertiesSet() {
        for (Agency agency : agencies.all()) {
            ensure(agency.code(), agency.shortName(), "AGENCY");
            ensure(Groups.supervisorsOf(agency.code()), agency.shortName() + " supervisors", "SUPERVISORS");
        }
        ensure(Groups.DESK, "Commitment desk", "DESK");
        ensure(Groups.LEADERSHIP, "Leadership", "LEADERSHIP");
    }

    private void ensure(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {} ({})", id, name);
        }
    }
}
