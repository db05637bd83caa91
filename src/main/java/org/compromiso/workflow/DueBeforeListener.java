package org.compromiso.workflow;

import java.time.LocalDate;
import java.time.Period;
import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Sets a task's due date to a date variable minus an offset ("the briefing book is due a week before the
 * meeting"), which {@code camunda:dueDate} cannot express. Fields: {@code dateVariable}, {@code offset} (ISO-8601
 * period). Prototype scope because the engine injects the fields into the bean it resolves.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class DueBeforeListener implements TaskListener {

    private final Clock clock;
    private Expression dateVariable;
    private Expression offset;

    DueBeforeListener(Clock clock) {
        this.clock = clock;
    }

    public void setDateVariable(Expression dateVariable) {
        this.dateVariable = dateVariable;
    }

    public void setOffset(Expression offset) {
        this.offset = offset;
    }

    @Override
    public void notify(DelegateTask task) {
        String variable = String.valueOf(dateVariable.getValue(task));
        Object value = task.getVariable(variable);
        if (value == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " needs the date variable " + variable);
        }
        LocalDate date = value instanceof Date instant
                ? instant.toInstant().atZone(clock.getZone()).toLocalDate()
                : LocalDate.parse(value.toString().substring(0, 10));
        Period before = Period.parse(String.valueOf(offset.getValue(task)));
        task.setDueDate(Date.from(date.minus(before).atStartOfDay(clock.getZone()).toInstant()));
    }
}
