package org.compromiso.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which variables to set when production mode refuses the admin password. */
class UnsafeAdminPasswordFailureAnalyzer
        extends AbstractFailureAnalyzer<AdminPasswordCheck.UnsafeAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordCheck.UnsafeAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set COMPROMISO_ADMIN_USER (default: admin) and COMPROMISO_ADMIN_PASSWORD to a password of at least "
                        + AdminPasswordCheck.MINIMUM_LENGTH
                        + " characters that is not a well-known default, or start the embedded demo"
                        + " (no profile, or SPRING_PROFILES_ACTIVE=embedded).",
                cause);
    }
}
