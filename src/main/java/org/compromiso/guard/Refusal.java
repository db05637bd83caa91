package org.compromiso.guard;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A guard's refusal on the engine's REST API: {@code application/problem+json} naming the field, with Camunda's own
 * {@code message} beside it, which Tasklist shows to the user.
 */
final class Refusal {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private Refusal() {
    }

    static WebApplicationException of(Response.Status status, String detail, String field, String reason) {
        return new WebApplicationException(response(status, detail, field, reason));
    }

    static Response response(Response.Status status, String detail, String field, String reason) {
        return response(status, detail, List.of(Map.of("field", field, "reason", reason)));
    }

    static Response response(Response.Status status, String detail, List<Map<String, String>> errors) {
        // Spring's ProblemDetail, written as the service's controllers and filters write it (ApiProblems)
        var body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status.getStatusCode()), detail);
        body.setProperty("message", detail);
        body.setProperty("errors", errors);
        try {
            return Response.status(status).type("application/problem+json").entity(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
