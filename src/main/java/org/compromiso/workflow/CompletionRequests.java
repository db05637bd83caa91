package org.compromiso.workflow;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells which variables an HTTP completion of a task submitted ({@code complete}, {@code submit-form},
 * {@code resolve}, on {@code /engine-rest} and Tasklist's {@code /camunda/api/engine}). The engine writes a
 * completion's variables straight into the process, beside those earlier steps left there, and its public API does
 * not tell them apart before the command ends; the REST resource's parsed request does, and the guard that reads it
 * hands the names over here.
 */
@Component
public class CompletionRequests {

    private static final String SUBMITTED = CompletionRequests.class.getName() + ".submitted";

    /** Remembers, for the request being served, the names of the variables it submits to complete this task. */
    public void submitted(HttpServletRequest request, String taskId, Set<String> names) {
        request.setAttribute(SUBMITTED, new Submitted(taskId, Set.copyOf(names)));
    }

    /**
     * The names of the variables that the HTTP request being served submitted to complete this task; empty when
     * the task completes otherwise (the Java API, a job), where only the process's variables are known.
     */
    Optional<Set<String>> submittedWith(String taskId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(SUBMITTED) instanceof Submitted submitted
                && submitted.taskId().equals(taskId)) {
            return Optional.of(submitted.names());
        }
        return Optional.empty();
    }

    private record Submitted(String taskId, Set<String> names) {
    }
}
