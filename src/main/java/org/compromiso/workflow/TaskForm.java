package org.compromiso.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The fields of a Camunda Form as the server needs them: keys, which are required, and what each accepts; and how
 * the form shows each option of a choice ({@code options}: field key, then value to label).
 */
public record TaskForm(String id, List<Field> fields, Map<String, Map<String, String>> options) {

    public TaskForm(String id, List<Field> fields) {
        this(id, fields, Map.of());
    }

    /** How the form shows this value of a choice: the option's label, else the value itself. */
    public String shown(String key, String value) {
        return options.getOrDefault(key, Map.of()).getOrDefault(value, value);
    }

    /** The field with this key, if the form has one. */
    public Optional<Field> field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /**
     * One input of the form: its type (textfield, datetime, radio, number, ...), for choices the values offered, and
     * the limits Tasklist checks in the browser (null when the form sets none): {@code validate.maxLength},
     * {@code pattern}, {@code min}, {@code max}. Two rules Camunda Forms cannot state are declared as the field's
     * custom {@code properties}: {@code "ahead": "true"} (a date not before today) and {@code "after": "<key>"} (a
     * date not before that field's).
     */
    public record Field(String key, String type, String label, boolean required, String pattern, List<String> values,
                        Integer maxLength, BigDecimal min, BigDecimal max, boolean ahead, String after) {

        private static final Set<String> CHOICES = Set.of("radio", "select");
        // form-js writes a date field as yyyy-MM-dd; LocalDate.parse alone would also take +10000-01-01
        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        public Field(String key, String type, String label, boolean required, String pattern, List<String> values,
                     Integer maxLength) {
            this(key, type, label, required, pattern, values, maxLength, null, null, false, null);
        }

        /**
         * Why the server refuses this value, if it does; null or blank means not filled in. {@code today} is the
         * day of the service's zone, {@code others} gives another field's value as the completion sets it.
         */
        public Optional<Reason> problemWith(Object value, LocalDate today, ZoneId zone, Function<String, Object> others) {
            if (value == null || value.toString().isBlank()) {
                return required ? Reason.of("required") : Optional.empty();
            }
            String text = value.toString();
            if (CHOICES.contains(type) && !values.contains(text)) {
                return Reason.of("choice", String.join(", ", values));
            }
            if (maxLength != null && text.length() > maxLength) {
                return Reason.of("maxLength", String.valueOf(maxLength));
            }
            if (pattern != null && !text.matches(pattern)) {
                return Reason.of("pattern", pattern);
            }
            if ("number".equals(type)) {
                return numberProblem(value);
            }
            if ("datetime".equals(type)) {
                return dateProblem(value, today, zone, others);
            }
            return Optional.empty();
        }

        private Optional<Reason> numberProblem(Object value) {
            BigDecimal number = number(value);
            if (number == null) {
                return Reason.of("number");
            }
            if (min != null && number.compareTo(min) < 0) {
                return Reason.of("min", min.toPlainString());
            }
            if (max != null && number.compareTo(max) > 0) {
                return Reason.of("max", max.toPlainString());
            }
            return Optional.empty();
        }

        private Optional<Reason> dateProblem(Object value, LocalDate today, ZoneId zone, Function<String, Object> others) {
            LocalDate date = date(value, zone);
            if (date == null) {
                return Reason.of("date");
            }
            if (ahead && date.isBefore(today)) {
                return Reason.of("ahead", today);
            }
            if (after != null) {
                LocalDate start = date(others.apply(after), zone);
                if (start != null && date.isBefore(start)) {
                    return Reason.of("after", after, start);
                }
            }
            return Optional.empty();
        }

        /** A date as a completion may carry it: a Date variable, or the text yyyy-MM-dd that Tasklist sends. */
        static LocalDate date(Object value, ZoneId zone) {
            if (value instanceof Date instant) {
                return LocalDate.ofInstant(instant.toInstant(), zone);
            }
            if (value instanceof LocalDate day) {
                return day;
            }
            if (value instanceof String text && DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            return null;
        }

        private static BigDecimal number(Object value) {
            if (value instanceof Double real && !Double.isFinite(real)
                    || value instanceof Float single && !Float.isFinite(single)) {
                return null;
            }
            try {
                return value instanceof Number || value instanceof String ? new BigDecimal(value.toString().trim())
                        : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Why a value is refused: the key of its message ({@code form.problem.<code>}) and the message's arguments. */
    public record Reason(String code, List<Object> arguments) {

        static Optional<Reason> of(String code, Object... arguments) {
            return Optional.of(new Reason(code, List.of(arguments)));
        }
    }
}
