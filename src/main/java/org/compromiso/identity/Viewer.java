package org.compromiso.identity;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;

/**
 * Who is looking, and so what they may see: the desk, leadership and admins see all; others their agencies'.
 * A member of an agency's supervisors group sees what that agency sees.
 */
public record Viewer(String userId, Set<String> groups) {

    private static final Set<String> SEE_EVERYTHING = Set.of(Groups.DESK, Groups.LEADERSHIP, Groups.ADMINS);

    public static Viewer of(Authentication authentication) {
        return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .flatMap(group -> group.endsWith(Groups.SUPERVISORS_SUFFIX) ? Stream.of(group,
                        group.substring(0, group.length() - Groups.SUPERVISORS_SUFFIX.length())) : Stream.of(group))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean seesEverything() {
        return groups.stream().anyMatch(SEE_EVERYTHING::contains);
    }
}
