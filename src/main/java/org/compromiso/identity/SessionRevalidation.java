package org.compromiso.identity;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a browser session to its account as it is now, at every request: a deleted or locked user's session ends,
 * and a user moved between groups keeps the session with the new groups only, on our pages, our API and the
 * webapps alike. A session otherwise keeps the rights it had at login until it expires.
 */
public final class SessionRevalidation extends OncePerRequestFilter {

    // where the webapps keep the user and groups they took at login (Camunda's AuthenticationUtil)
    private static final String WEBAPPS_AUTHENTICATION = "authenticatedUser";

    private final Accounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionRevalidation(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication()
                instanceof UsernamePasswordAuthenticationToken login && login.isAuthenticated()) {
            var groups = accounts.activeGroups(login.getName());
            if (groups.isEmpty()) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (!groups.get().equals(groupsOf(login))) {
                var renewed = UsernamePasswordAuthenticationToken.authenticated(login.getPrincipal(), null,
                        Accounts.authoritiesOf(groups.get()));
                renewed.setDetails(login.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(renewed);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
                session.removeAttribute(WEBAPPS_AUTHENTICATION);
            }
        }
        chain.doFilter(request, response);
    }

    private static Set<String> groupsOf(UsernamePasswordAuthenticationToken login) {
        return login.getAuthorities().stream().map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length())).collect(Collectors.toSet());
    }
}
