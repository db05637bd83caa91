package org.compromiso.identity;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page a browser is refused or cannot find is a plain page of ours in the user's language, with a way back to
 * Tasklist, never Spring Boot's "Whitelabel Error Page": a coordinator following Tasklist's link to Cockpit, a
 * page of the desk's. Scripts still get problem+json ({@code /api}) or Boot's JSON.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final MessageSource messages;
    private final UserLanguage language;

    ErrorPages(MessageSource messages, UserLanguage language) {
        this.messages = messages;
        this.language = language;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Locale locale = language.ofSignedInUser();
        String kind = switch (status) {
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "notFound";
            default -> "other";
        };
        return new ModelAndView("error-page", Map.of(
                "lang", locale.getLanguage(),
                "status", status.value(),
                "title", messages.getMessage("error." + kind + ".title", null, locale),
                "explanation", messages.getMessage("error." + kind + ".text", null, locale),
                "back", messages.getMessage("error.back", null, locale)), status);
    }
}
