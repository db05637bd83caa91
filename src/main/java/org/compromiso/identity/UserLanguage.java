package org.compromiso.identity;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language in which the service answers a user, English or Spanish: their account's (the user info
 * {@code language} that the demo sets), else the first of the two that their request accepts
 * ({@code Accept-Language}), else English.
 */
@Component
public class UserLanguage {

    private static final String LANGUAGE = "language";
    private static final Set<String> SPOKEN = Set.of("en", "es");

    private final IdentityService identity;

    UserLanguage(IdentityService identity) {
        this.identity = identity;
    }

    /** The language of this user (null: nobody signed in), in the request being served if there is one. */
    public Locale of(String userId) {
        if (userId != null) {
            String language = identity.getUserInfo(userId, LANGUAGE);
            if (language != null && SPOKEN.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader("Accept-Language") != null) {
            for (Locale accepted : Collections.list(attributes.getRequest().getLocales())) {
                if (SPOKEN.contains(accepted.getLanguage())) {
                    return Locale.forLanguageTag(accepted.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The language of the user signed in to the request being served, or of their request when nobody is. */
    public Locale ofSignedInUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return of(signedIn ? authentication.getName() : null);
    }
}
