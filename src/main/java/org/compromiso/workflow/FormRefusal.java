package org.compromiso.workflow;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A completion refused because of its form values, with each field's reason in the completing user's language.
 * Thrown from inside the engine, so every path (Tasklist, both REST paths, the Java API) is refused alike; the REST
 * APIs answer it with 400 problem+json listing the fields.
 */
public class FormRefusal extends BadUserRequestException {

    private final List<FieldRefusal> fields;

    FormRefusal(String message, List<FieldRefusal> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    public List<FieldRefusal> fields() {
        return fields;
    }

    /** One refused field: its key in the form and why, in the user's language. */
    public record FieldRefusal(String field, String reason) {
    }
}
