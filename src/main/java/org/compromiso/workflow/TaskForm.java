package org.compromiso.workflow;

import java.util.List;

/** The fields of a Camunda Form as the server needs them: keys, which are required, and their patterns. */
public record TaskForm(String id, List<Field> fields) {

    /** One input of the form. */
    public record Field(String key, String label, boolean required, String pattern) {
    }
}
