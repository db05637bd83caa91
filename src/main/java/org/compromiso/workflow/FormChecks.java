package org.compromiso.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks a completion's values against its form (see {@link TaskForm.Field}) and says why each refused one is
 * refused, in English or Spanish. "Today" is the engine's: process tests move it, and the engine's timers follow it.
 */
@Component
class FormChecks {

    private final MessageSource messages;
    private final Clock clock;

    FormChecks(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The refused fields among these values (a field missing from the map was not filled in). */
    List<FormRefusal.FieldRefusal> refusals(TaskForm form, Map<String, Object> values, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        var refused = new ArrayList<FormRefusal.FieldRefusal>();
        for (TaskForm.Field field : form.fields()) {
            field.problemWith(values.get(field.key()), today, clock.getZone(), values::get).ifPresent(reason ->
                    refused.add(new FormRefusal.FieldRefusal(field.key(), say(form, reason, locale))));
        }
        return refused;
    }

    /** The refusal of a whole completion, naming each field and its reason. */
    FormRefusal refusal(String taskName, List<FormRefusal.FieldRefusal> fields, Locale locale) {
        String reasons = String.join("; ", fields.stream().map(field -> field.field() + ": " + field.reason()).toList());
        return new FormRefusal(messages.getMessage("form.problem.task", new Object[] {taskName, reasons}, locale),
                fields);
    }

    private String say(TaskForm form, TaskForm.Reason reason, Locale locale) {
        Object[] arguments = reason.arguments().stream().map(argument -> argument instanceof LocalDate day
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day)
                : argument).toArray();
        if (reason.code().equals("after")) {
            arguments[0] = form.field((String) arguments[0]).map(TaskForm.Field::label).orElse((String) arguments[0]);
        }
        return messages.getMessage("form.problem." + reason.code(), arguments, locale);
    }
}
