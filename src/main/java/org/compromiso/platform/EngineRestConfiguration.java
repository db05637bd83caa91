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
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Camunda's REST API with the answers it lacks: 409 when two requests changed the same task or process at the
 * same moment (the engine's optimistic lock; the loser changed nothing), 503 when the database cannot be reached
 * (nothing changed; try again), and 400 when our checks refuse a completion's form values. Each would otherwise
 * be a 500 that says nothing a client can act on.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources(TaskService tasks, IdentityService identity) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                var closedTasks = new ClosedTasks(tasks, identity);
                register(ConcurrentChange.class);
                register(new WrappedFailure(closedTasks));
                register(new EngineFailure(closedTasks));
                register(new CompletionRace(closedTasks));
                register(UnreachableDatabaseInTransaction.class);
                register(UnreachableDatabaseInAccess.class);
            }
        };
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

    private static Response unreachable(Throwable failure) {
        return answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseOutage.explanation(failure));
    }

    @Provider
    public static class ConcurrentChange implements ExceptionMapper<OptimisticLockingException> {
        @Override
        public Response toResponse(OptimisticLockingException e) {
            return answer(Response.Status.CONFLICT, "Conflict",
                    "Someone else changed this task or process at the same moment; nothing was changed. "
                            + "Reload it and try again.");
        }
    }

    /**
     * Camunda's resources wrap what the engine threw (completing a task: "Cannot complete task ...", 500); this
     * looks at what was wrapped before Camunda's own handler answers.
     */
    @Provider
    @Priority(Priorities.USER - 100)
    public static class WrappedFailure implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();
        private final ProcessEngineExceptionHandler engine = new ProcessEngineExceptionHandler();
        private final ClosedTasks closedTasks;
        @Context
        private UriInfo request;

        WrappedFailure(ClosedTasks closedTasks) {
            this.closedTasks = closedTasks;
        }

        @Override
        public Response toResponse(RestException e) {
            if (e.getCause() instanceof OptimisticLockingException conflict) {
                return new ConcurrentChange().toResponse(conflict);
            }
            if (DatabaseOutage.causedBy(e)) {
                return unreachable(e);
            }
            if (closedTasks.isCompletionOfAClosedTask(request)) {
                // the loser of two completions at once, whatever the engine tripped over ("Cannot find task",
                // "Cannot restore state of process instance")
                return notOpen();
            }
            if (e.getCause() instanceof BadUserRequestException refused) {
                // our listeners refuse a completion with missing or malformed form values: the client's to fix
                return engine.toResponse(refused);
            }
            return camunda.toResponse(e);
        }
    }

    private static Response notOpen() {
        return answer(Response.Status.CONFLICT, "TaskNotOpen", "This task is not open: someone else completed or "
                + "cancelled it meanwhile, or it never existed. Nothing was changed.");
    }

    /**
     * Takes the engine's exceptions before Camunda's own handler, to tell an outage apart, and the loser of two
     * completions at once: its permission on the task went with the task, so the engine says 403 where the truth
     * is that the task is no longer open.
     */
    @Provider
    @Priority(Priorities.USER - 100)
    public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();
        private final ClosedTasks closedTasks;
        @Context
        private UriInfo request;

        EngineFailure(ClosedTasks closedTasks) {
            this.closedTasks = closedTasks;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            if (DatabaseOutage.causedBy(e)) {
                return unreachable(e);
            }
            if (e instanceof AuthorizationException denied && closedTasks.allClosed(denied)
                    || closedTasks.isCompletionOfAClosedTask(request)) {
                return notOpen();
            }
            return camunda.toResponse(e);
        }
    }

    /**
     * Any other failure while completing a task that someone else completed at the same moment (the engine may
     * trip over the execution the winner already moved on: a NullPointerException in 7.24) is that same conflict.
     */
    @Provider
    public static class CompletionRace implements ExceptionMapper<RuntimeException> {
        private final ExceptionMapper<Throwable> camunda = new ExceptionHandler();
        private final ClosedTasks closedTasks;
        @Context
        private UriInfo request;

        CompletionRace(ClosedTasks closedTasks) {
            this.closedTasks = closedTasks;
        }

        @Override
        public Response toResponse(RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                return unreachable(e);
            }
            return closedTasks.isCompletionOfAClosedTask(request) ? notOpen() : camunda.toResponse(e);
        }
    }

    /** Whether these tasks are all gone: looked up as the service, not as the user who was refused. */
    record ClosedTasks(TaskService tasks, IdentityService identity) {

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

        boolean allClosed(List<String> taskIds) {
            if (taskIds.isEmpty()) {
                return false;
            }
            var user = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                return tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).count() == 0;
            } catch (RuntimeException unknown) {
                // the engine's own answer stands when this cannot be told
                return false;
            } finally {
                if (user != null) {
                    identity.setAuthentication(user);
                }
            }
        }
    }

    @Provider
    public static class UnreachableDatabaseInTransaction implements ExceptionMapper<TransactionException> {
        @Override
        public Response toResponse(TransactionException e) {
            return DatabaseOutage.causedBy(e) ? unreachable(e)
                    : answer(Response.Status.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    @Provider
    public static class UnreachableDatabaseInAccess implements ExceptionMapper<DataAccessException> {
        @Override
        public Response toResponse(DataAccessException e) {
            return DatabaseOutage.causedBy(e) ? unreachable(e)
                    : answer(Response.Status.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
