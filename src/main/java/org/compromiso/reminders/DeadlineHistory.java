package org.compromiso.reminders;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history of every process except {@code TaskDeadline}, at the configured level: a deadline
 * process is machinery, one per open task, and what it did is on record in the outbox ({@code reminder}) and the
 * commitment's history. Its engine history was a third of the rows a task's start and end wrote, and the removal
 * time the engine stamps on six history tables when it is deleted.
 * <p>
 * Done through the engine's custom history level (its documented hook for "which events are kept"), under the
 * configured level's own id and name, so the database's recorded level, Cockpit and the REST API see no change.
 */
@Component
class DeadlineHistory extends AbstractProcessEnginePlugin {

    // a process definition's id is "key:version:uuid" (BPMN keys hold no colon) unless that passes 64 characters
    private static final String DEADLINE_DEFINITION = DeadlineScheduler.PROCESS + ":";

    private final CamundaBpmProperties camunda;

    DeadlineHistory(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    /** The level is named in the properties: the starter's own plugin hands it to the engine in no fixed order. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        builtIn(camunda.getHistoryLevel()).ifPresent(level -> {
            var withoutDeadlines = new WithoutDeadlines(level);
            // the engine takes the last level of that name, so this one, not the built-in it wraps
            configuration.setCustomHistoryLevels(List.of(withoutDeadlines));
            configuration.setHistoryLevel(withoutDeadlines);
        });
    }

    /** "auto" (read from the database) is left to the engine, and with it the deadline processes' history. */
    private static Optional<HistoryLevel> builtIn(String name) {
        return Stream.of(HistoryLevel.HISTORY_LEVEL_NONE, HistoryLevel.HISTORY_LEVEL_ACTIVITY,
                        HistoryLevel.HISTORY_LEVEL_AUDIT, HistoryLevel.HISTORY_LEVEL_FULL)
                .filter(level -> level.getName().equalsIgnoreCase(name)).findFirst();
    }

    /** True when the entity an event is about belongs to a deadline process. */
    static boolean ofDeadline(Object entity) {
        if (entity instanceof Job job) {
            return DeadlineScheduler.PROCESS.equals(job.getProcessDefinitionKey());
        }
        String definition = entity instanceof DelegateExecution execution ? execution.getProcessDefinitionId()
                : entity instanceof VariableInstance variable ? variable.getProcessDefinitionId()
                : entity instanceof Incident incident ? incident.getProcessDefinitionId()
                : null;
        return definition != null && definition.startsWith(DEADLINE_DEFINITION);
    }

    private static final class WithoutDeadlines extends AbstractHistoryLevel {

        private final HistoryLevel configured;

        WithoutDeadlines(HistoryLevel configured) {
            this.configured = configured;
        }

        @Override
        public int getId() {
            return configured.getId();
        }

        @Override
        public String getName() {
            return configured.getName();
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return configured.isHistoryEventProduced(eventType, entity) && !ofDeadline(entity);
        }
    }
}
