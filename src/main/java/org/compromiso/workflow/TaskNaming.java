package org.compromiso.workflow;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.compromiso.commitments.TaskNames;
import org.compromiso.engine.TaskHook;
import org.compromiso.identity.Agency;
import org.compromiso.identity.AgencyDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Names every new user task after its commitment and step ({@link TaskNames}), in the language of the agencies it
 * waits on (its candidate groups; Spanish for Mexico's, Panama's and Guatemala's, English for the US's:
 * {@link Agency#language()}). The engine keeps one name per task, and most tasks wait on one agency, so its
 * coordinators read it in their language; a task that waits on agencies of both languages, and the desk's and
 * leadership's own tasks, keep the models' English. First of the hooks, so that every other one (the reminders'
 * outbox, the audit) sees the name.
 */
@Component
@Order(0)
class TaskNaming implements TaskHook {

    private final TaskNames names;
    private final AgencyDirectory agencies;

    TaskNaming(TaskNames names, AgencyDirectory agencies) {
        this.names = names;
        this.agencies = agencies;
    }

    @Override
    public void taskEvent(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(names.of(task.getExecution().getProcessBusinessKey(), task.getProcessDefinitionId(),
                    task.getTaskDefinitionKey(), languageOf(task)));
        }
    }

    private Locale languageOf(DelegateTask task) {
        Set<Locale> spoken = task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .flatMap(group -> agencies.find(group).stream())
                .map(Agency::language)
                .collect(Collectors.toSet());
        return spoken.size() == 1 ? spoken.iterator().next() : Locale.ENGLISH;
    }
}
