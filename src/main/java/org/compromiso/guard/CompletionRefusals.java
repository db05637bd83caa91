package org.compromiso.guard;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.compromiso.workflow.FormRefusal;

/**
 * A completion the engine refused for its values is the client's to fix: 400, whatever wraps it. The engine wraps a
 * task listener's exception ("ENGINE-03051 ... TaskListener") and the REST resource wraps that again in a 500; a
 * refusal of form values answers problem+json naming each field, in the user's language. {@code /engine-rest}
 * answers this through its own failure mappers; the webapps' {@code /camunda/api/engine} through this one, which
 * otherwise answers as Camunda does.
 */
@Priority(Priorities.USER - 50)
public class CompletionRefusals implements ExceptionMapper<RestException> {

    /** The answer to a refused completion, if this failure is one. */
    public static Optional<Response> answer(Throwable failure) {
        var values = ExceptionUtils.throwableOfType(failure, FormRefusal.class);
        if (values != null) {
            return Optional.of(Refusal.response(Response.Status.BAD_REQUEST, values.getMessage(), values.fields()
                    .stream().map(field -> Map.of("field", field.field(), "reason", field.reason())).toList()));
        }
        var refused = ExceptionUtils.throwableOfType(failure, BadUserRequestException.class);
        return refused == null ? Optional.empty() : Optional.of(new ProcessEngineExceptionHandler().toResponse(refused));
    }

    @Override
    public Response toResponse(RestException failure) {
        Optional<Response> refused = failure.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                ? answer(failure.getCause()) : Optional.empty();
        return refused.orElseGet(() -> new RestExceptionHandler().toResponse(failure));
    }
}
