package org.compromiso.workflow;

import org.compromiso.identity.UserLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The context Tasklist shows above a task's form (scripts/compromiso-task-context.js). The engine decides who may
 * read the task, as it does in Tasklist: a task of another agency is as unknown as a task that does not exist.
 */
@RestController
class TaskContextController {

    private final TaskContexts contexts;
    private final UserLanguage language;

    TaskContextController(TaskContexts contexts, UserLanguage language) {
        this.contexts = contexts;
        this.language = language;
    }

    @GetMapping("/api/tasks/{taskId}/context")
    TaskContext context(@PathVariable String taskId) {
        return contexts.of(taskId, language.ofSignedInUser())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No open task " + taskId
                        + " that your account may read"));
    }
}
