package org.compromiso.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
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
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(ConcurrentChange.class);
                register(WrappedFailure.class);
                register(UnreachableDatabase.class);
                register(UnreachableDatabaseInTransaction.class);
                register(UnreachableDatabaseInAccess.class);
            }
        };
    }

    private static Response answer(Response.Status status, String type, String message) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("message", message);
        var response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == Response.Status.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "10");
        }
        return response.build();
    }

    private static Response unreachable() {
        return answer(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable",
                "The database cannot be reached; nothing was changed. Try again in a few seconds.");
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

        @Override
        public Response toResponse(RestException e) {
            if (e.getCause() instanceof OptimisticLockingException conflict) {
                return new ConcurrentChange().toResponse(conflict);
            }
            if (e.getCause() instanceof NullValueException gone && String.valueOf(gone.getMessage()).contains("Cannot find task")) {
                // the usual loser of two completions at once: the other one got there first
                return answer(Response.Status.CONFLICT, "TaskNotOpen", "This task is not open: someone else "
                        + "completed or cancelled it meanwhile, or it never existed. Nothing was changed.");
            }
            if (e.getCause() instanceof BadUserRequestException refused) {
                // our listeners refuse a completion with missing or malformed form values: the client's to fix
                return engine.toResponse(refused);
            }
            return DatabaseOutage.causedBy(e) ? unreachable() : camunda.toResponse(e);
        }
    }

    /** Takes the engine's exceptions before Camunda's own handler, only to tell an outage apart. */
    @Provider
    @Priority(Priorities.USER - 100)
    public static class UnreachableDatabase implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            return DatabaseOutage.causedBy(e) ? unreachable() : camunda.toResponse(e);
        }
    }

    @Provider
    public static class UnreachableDatabaseInTransaction implements ExceptionMapper<TransactionException> {
        @Override
        public Response toResponse(TransactionException e) {
            return DatabaseOutage.causedBy(e) ? unreachable()
                    : answer(Response.Status.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    @Provider
    public static class UnreachableDatabaseInAccess implements ExceptionMapper<DataAccessException> {
        @Override
        public Response toResponse(DataAccessException e) {
            return DatabaseOutage.causedBy(e) ? unreachable()
                    : answer(Response.Status.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
