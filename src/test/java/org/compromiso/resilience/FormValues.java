package org.compromiso.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import org.compromiso.workflow.TaskForm;

/** What a coordinator types into a form: something valid for every required field, nothing else. */
final class FormValues {

    private FormValues() {
    }

    static Map<String, Object> filling(TaskForm form) {
        var values = new LinkedHashMap<String, Object>();
        form.fields().stream().filter(TaskForm.Field::required).forEach(field -> values.put(field.key(), sample(field)));
        return values;
    }

    private static Object sample(TaskForm.Field field) {
        if (!field.values().isEmpty()) {
            return field.values().get(0);
        }
        return switch (field.type()) {
            case "datetime" -> "2026-06-30";
            case "number" -> 1;
            case "checkbox" -> true;
            default -> field.pattern() != null && field.pattern().contains("http") ? "https://example.org/evidence"
                    : "Done under load";
        };
    }
}
