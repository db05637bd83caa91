package org.compromiso.identity;

/** Camunda group ids beyond the agencies' own. */
public final class Groups {

    /** The secretariat that follows up meetings: registers and changes commitments, sees everything. */
    public static final String DESK = "desk";
    /** Ministers, secretaries and advisors: read everything, assess and override colours. */
    public static final String LEADERSHIP = "leadership";
    /** Camunda's administrators group, as the Spring Boot starter creates it. */
    public static final String ADMINS = "camunda-admin";
    /** Suffix of an agency's supervisors group ({@code sre} → {@code sresupervisors}); escalations go there. */
    public static final String SUPERVISORS_SUFFIX = "supervisors";

    private Groups() {
    }

    public static String supervisorsOf(String agency) {
        return agency + SUPERVISORS_SUFFIX;
    }
}
