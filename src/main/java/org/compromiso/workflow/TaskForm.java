package org.compromiso.workflow;

import java.util.List;

/** The fields of a Camunda Form as the server needs them: keys, which are required, and their patterns. */
public record TaskForm(String id, List<Field> fields) {

    /** One input of the form: its type (textfield, datetime, radio, ...) and, for choices, the values offered. */
    public record Field(String key, String type, String label, boolean required, String pattern, List<String> values) {
    }
}
