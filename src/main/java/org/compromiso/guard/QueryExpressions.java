package org.compromiso.guard;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Refuses expressions ({@code dueBeforeExpression}, ...) in engine queries of anyone but an administrator, on what
 * the REST resource will turn into a query: the decoded query parameters, and the request body after it has been
 * read into its object, whatever its content type, charset, escapes or nesting ({@code orQueries}). Camunda 7.24
 * evaluates expressions inside {@code orQueries} although ad-hoc expressions are off; the fix is enterprise-only.
 */
@Priority(Priorities.AUTHORIZATION)
public class QueryExpressions implements ContainerRequestFilter, ReaderInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (Caller.isAdmin()) {
            return;
        }
        request.getUriInfo().getQueryParameters(true).entrySet().stream()
                .filter(parameter -> isExpressionField(parameter.getKey()) && parameter.getValue().stream()
                        .anyMatch(value -> !value.isEmpty()))
                .findFirst().ifPresent(parameter -> request.abortWith(refusal(parameter.getKey())));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity == null || Caller.isAdmin()) {
            return entity;
        }
        // a stored filter's extending query arrives as text and is read by the resource with Jackson, like this
        JsonNode read = readable(entity);
        Optional<String> field = read == null ? Optional.empty() : expressionIn(read);
        if (field.isPresent()) {
            throw new jakarta.ws.rs.WebApplicationException(refusal(field.get()));
        }
        return entity;
    }

    private static JsonNode readable(Object entity) {
        try {
            return entity instanceof String text ? JSON.readTree(text) : JSON.valueToTree(entity);
        } catch (IOException | IllegalArgumentException notJson) {
            // streams and multipart bodies (deployments) hold no query
            return null;
        }
    }

    static Optional<String> expressionIn(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (isExpressionField(field.getKey()) && isSet(field.getValue())) {
                    return Optional.of(field.getKey());
                }
                var nested = expressionIn(field.getValue());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                var nested = expressionIn(element);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isSet(JsonNode value) {
        return !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.asText().isEmpty());
    }

    static boolean isExpressionField(String name) {
        String lower = name.toLowerCase(Locale.ROOT).strip();
        return lower.endsWith("expression") || lower.endsWith("expressions");
    }

    private static Response refusal(String field) {
        return Refusal.response(Response.Status.BAD_REQUEST, "Expressions in queries are reserved to administrators",
                field, "expressions are not allowed");
    }
}
