package org.compromiso.platform;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production service whose admin password is missing or guessable, before anything else
 * starts. Camunda's starter would otherwise create the admin with the user id as password.
 */
class AdminPasswordCheck implements EnvironmentPostProcessor {

    static final int MINIMUM_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "camunda",
            "secret", "123456", "12345678", "123456789", "qwerty", "letmein", "welcome", "compromiso",
            "password123", "admin123", "changeit");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("compromiso.demo.enabled", Boolean.class, false)) {
            return;
        }
        String user = environment.getProperty("camunda.bpm.admin-user.id", "");
        String password = environment.getProperty("camunda.bpm.admin-user.password", "");
        String problem = problemWith(user, password);
        if (problem != null) {
            throw new UnsafeAdminPasswordException(problem);
        }
    }

    static String problemWith(String user, String password) {
        if (user.isBlank()) {
            return "no admin user id is set";
        }
        if (password.isBlank()) {
            return "no admin password is set";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || lower.equals(user.toLowerCase(Locale.ROOT))) {
            return "the admin password is a well-known default";
        }
        if (password.length() < MINIMUM_LENGTH) {
            return "the admin password is shorter than " + MINIMUM_LENGTH + " characters";
        }
        return null;
    }

    /** Why the service will not start, for {@link UnsafeAdminPasswordFailureAnalyzer}. */
    static class UnsafeAdminPasswordException extends IllegalStateException {
        UnsafeAdminPasswordException(String problem) {
            super("Refusing to start in production mode: " + problem);
        }
    }
}
