package org.compromiso.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A guard's refusal on the engine's REST API: {@code application/problem+json} naming the field, with Camunda's own
 * {@code message} beside it, which Tasklist shows to the user.
 */
final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {
    }

    static WebApplicationException of(Response.Status status, String detail, String field, String reason) {
        return new WebApplicationException(response(status, detail, field, reason));
    }

    static Response response(Response.Status status, String detail, String field, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        body.put("message", detail);
        body.put("errors", List.of(Map.of("field", field, "reason", reason)));
        try {
            return Response.status(status).type("application/problem+json").entity(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
