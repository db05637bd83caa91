package org.compromiso.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fields of a Camunda Form as the server needs them: keys, which are required, and what each accepts. */
public record TaskForm(String id, List<Field> fields) {

    /**
     * One input of the form: its type (textfield, datetime, radio, ...), for choices the values offered, and the
     * limits Tasklist checks in the browser (null when the form sets none).
     */
    public record Field(String key, String type, String label, boolean required, String pattern, List<String> values,
                        Integer maxLength) {

        private static final Set<String> CHOICES = Set.of("radio", "select");

        /** Why Tasklist would refuse this value, if it would; null or blank means not filled in. */
        public Optional<String> problemWith(Object value) {
            if (value == null || value.toString().isBlank()) {
                return required ? Optional.of("is required") : Optional.empty();
            }
            String text = value.toString();
            if (CHOICES.contains(type) && !values.contains(text)) {
                return Optional.of("must be one of " + String.join(", ", values));
            }
            if (maxLength != null && text.length() > maxLength) {
                return Optional.of("must be at most " + maxLength + " characters");
            }
            if (pattern != null && !text.matches(pattern)) {
                return Optional.of("does not match " + pattern);
            }
            return Optional.empty();
        }
    }
}
