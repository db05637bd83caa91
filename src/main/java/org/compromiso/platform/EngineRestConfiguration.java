package org.compromiso.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.compromiso.engine.ServiceWork;
import org.compromiso.guard.CompletionRefusals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API with the answers it lacks: 409 when two requests changed the same task or process at the
 * same moment (the engine's optimistic lock; the loser changed nothing), 503 when the database cannot be reached
 * (nothing changed; try again), and 400 when our checks refuse a completion's form values. Each would otherwise
 * be a 500 that says nothing a client can act on.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources(TaskService tasks, ServiceWork serviceWork) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                var closedTasks = new ClosedTasks(tasks, serviceWork);
                register(new WrappedFailure(closedTasks));
                register(new EngineFailure(closedTasks));
                register(new OtherFailure(closedTasks));
            }
        };
    }

    /**
     * The answer to a failure of the engine REST API: ours where Camunda's would be a bare 500 or a misleading 403,
     * else Camunda's own. One mapper per exception type only because JAX-RS picks mappers by type.
     */
    abstract static class Answering<E extends Throwable> implements ExceptionMapper<E> {
        private final ClosedTasks closedTasks;
        @Context
        private UriInfo request;

        Answering(ClosedTasks closedTasks) {
            this.closedTasks = closedTasks;
        }

        /** Camunda's own answer to this failure. */
        abstract Response camunda(E e);

        @Override
        public Response toResponse(E e) {
            // Camunda's resources wrap what the engine threw ("Cannot complete task ...") in a RestException
            Throwable thrown = e instanceof RestException && e.getCause() != null ? e.getCause() : e;
            if (thrown instanceof OptimisticLockingException) {
                return answer(Response.Status.CONFLICT, "Conflict", "Someone else changed this task or process at "
                        + "the same moment; nothing was changed. Reload it and try again.");
            }
            if (DatabaseOutage.causedBy(e)) {
                return answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseOutage.explanation(e));
            }
            // the loser of two completions at once, whatever the engine tripped over ("Cannot find task", "Cannot
            // restore state of process instance", a NullPointerException in 7.24, or a 403: the loser's grant went
            // with the task)
            if (thrown instanceof AuthorizationException denied && closedTasks.allClosed(denied)
                    || closedTasks.isCompletionOfAClosedTask(request)) {
                return answer(Response.Status.CONFLICT, "TaskNotOpen", "This task is not open: someone else "
                        + "completed or cancelled it meanwhile, or it never existed. Nothing was changed.");
            }
            // our listeners refuse a completion with missing or malformed form values: the client's to fix
            var refused = CompletionRefusals.answer(e);
            if (refused.isPresent()) {
                return refused.get();
            }
            return camunda(e);
        }
    }

    @Provider
    @Priority(Priorities.USER - 100)
    public static class WrappedFailure extends Answering<RestException> {
        WrappedFailure(ClosedTasks closedTasks) {
            super(closedTasks);
        }

        @Override
        Response camunda(RestException e) {
            return new RestExceptionHandler().toResponse(e);
        }
    }

    @Provider
    @Priority(Priorities.USER - 100)
    public static class EngineFailure extends Answering<ProcessEngineException> {
        EngineFailure(ClosedTasks closedTasks) {
            super(closedTasks);
        }

        @Override
        Response camunda(ProcessEngineException e) {
            return new ProcessEngineExceptionHandler().toResponse(e);
        }
    }

    /** Everything else unchecked: Spring's transaction and data-access failures, the engine's slips. */
    @Provider
    public static class OtherFailure extends Answering<RuntimeException> {
        OtherFailure(ClosedTasks closedTasks) {
            super(closedTasks);
        }

        @Override
        Response camunda(RuntimeException e) {
            return new ExceptionHandler().toResponse(e);
        }
    }

    private static Response answer(Response.Status status, String type, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("message", message);
        var response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == Response.Status.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "10");
        }
        return response.build();
    }

    /** Whether these tasks are all gone: looked up as the service, not as the user who was refused. */
    record ClosedTasks(TaskService tasks, ServiceWork serviceWork) {

        private static final Pattern COMPLETION = Pattern.compile("task/([^/]+)/(complete|submit-form)$");

        /** Whether this request completes a task that is not open (any more). */
        boolean isCompletionOfAClosedTask(UriInfo request) {
            var completion = COMPLETION.matcher(request.getPath());
            return completion.find() && allClosed(List.of(completion.group(1)));
        }

        boolean allClosed(AuthorizationException denied) {
            return allClosed(denied.getMissingAuthorizations().stream()
                    .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                    .map(MissingAuthorization::getResourceId).distinct().toList());
        }

        private boolean allClosed(List<String> taskIds) {
            if (taskIds.isEmpty()) {
                return false;
            }
            try {
                return serviceWork.asService(() ->
                        tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).count() == 0);
            } catch (RuntimeException unknown) {
                // the engine's own answer stands when this cannot be told
                return false;
            }
        }
    }
}
