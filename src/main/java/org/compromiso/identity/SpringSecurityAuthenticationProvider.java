package org.compromiso.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user that Spring Security logged in to the Camunda webapps, so one login serves Tasklist, Cockpit,
 * Admin and our pages. Camunda instantiates this class itself (container-based authentication), hence the
 * public no-argument constructor.
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // an anonymous token counts as "authenticated" for Spring; not for the engine
        if (authentication == null || !authentication.isAuthenticated() || TRUST.isAnonymous(authentication)) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(engine.getIdentityService().createGroupQuery().groupMember(authentication.getName()).list()
                .stream().map(Group::getId).toList());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they get here
    }
}
