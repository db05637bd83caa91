package org.compromiso.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The embedded demo's people: a coordinator and a supervisor per agency, a desk officer and a leadership reader,
 * all with the public password {@code demo}. Never created outside the demo.
 */
@Component
@DependsOnDatabaseInitialization
@DependsOn("agencyGroups")
@ConditionalOnProperty(name = "compromiso.demo.enabled", havingValue = "true")
public class DemoUsers implements InitializingBean {

    public static final String PASSWORD = "demo";

    private final IdentityService identity;
    private final AgencyDirectory agencies;

    DemoUsers(IdentityService identity, AgencyDirectory agencies) {
        this.identity = identity;
        this.agencies = agencies;
    }

    /** Who the demo has, for the start-up banner and the README. */
    public List<DemoUser> users() {
        var users = new ArrayList<DemoUser>();
        for (Agency agency : agencies.all()) {
            String language = agency.language().getLanguage();
            users.add(new DemoUser(agency.code() + "Coordinator", agency.shortName(), "Coordinator", language,
                    agency.code()));
            users.add(new DemoUser(agency.code() + "Supervisor", agency.shortName(), "Supervisor", language,
                    Groups.supervisorsOf(agency.code())));
        }
        users.add(new DemoUser("deskOfficer", "Desk", "Officer", "es", Groups.DESK));
        users.add(new DemoUser("leadershipReader", "Leadership", "Reader", "en", Groups.LEADERSHIP));
        return users;
    }

    @Override
    public void afterPropertiesSet() {
        for (DemoUser user : users()) {
            if (identity.createUserQuery().userId(user.id()).count() > 0) {
                continue;
            }
            var account = identity.newUser(user.id());
            account.setFirstName(user.firstName());
            account.setLastName(user.lastName());
            account.setEmail(user.id().toLowerCase() + "@compromiso.example");
            account.setPassword(PASSWORD);
            identity.saveUser(account);
            identity.createMembership(user.id(), user.group());
            identity.setUserInfo(user.id(), "language", user.language());
        }
    }

    /** One demo account and the group it belongs to. */
    public record DemoUser(String id, String firstName, String lastName, String language, String group) {
    }
}
