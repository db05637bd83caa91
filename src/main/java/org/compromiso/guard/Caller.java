package org.compromiso.guard;

import org.compromiso.identity.Groups;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user of the request being served, as Spring Security authenticated it for every surface. */
final class Caller {

    private Caller() {
    }

    static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("GROUP_" + Groups.ADMINS));
    }
}
