package org.compromiso.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as {@code application/problem+json} (RFC 9457), with an {@code errors} list of
 * {@code {field, reason}} so a client can point at what to fix. The last advice asked: a feature's own advice
 * (e.g. CommitmentProblems, {@code @Order(0)}) answers its exceptions before the catch-all here does. Filters,
 * which run before any advice, write their problems through {@link #write}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    // ProblemDetail's own properties (errors) are flattened by Spring's mix-in, as in the MVC answers
    private static final ObjectMapper PROBLEM_JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error(error.getField(), error.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> error(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(HttpStatus.BAD_REQUEST, "The request body has a value of the wrong type or format",
                    List.of(error(field, mapping.getOriginalMessage())));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is not readable JSON",
                List.of(error("body", e.getMostSpecificCause().getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(violation -> error(lastNode(violation.getPropertyPath()), violation.getMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters", errors);
    }

    /** Anything unforeseen: logged with its cause, answered without internals. */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (DatabaseOutage.causedBy(e)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.explanation(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(problem);
        }
        logger.error("Unexpected error on " + request.getDescription(false), e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the request; nothing was changed. The error is logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** "list.size" (method and parameter) as "size": the client knows the parameter, not our method. */
    private static String lastNode(jakarta.validation.Path path) {
        String name = null;
        for (var node : path) {
            name = node.getName();
        }
        return name == null ? path.toString() : name;
    }

    /** For refusals made before a controller is reached (Spring Security's filters), in the same shape. */
    static void write(HttpServletResponse response, HttpStatus status, String detail, String field, String reason)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", List.of(error(field, reason)));
        write(response, problem);
    }

    /** A problem written by a filter, as the advice would have answered it. */
    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PROBLEM_JSON.writeValue(response.getOutputStream(), problem);
    }

    static Map<String, String> error(String field, @Nullable String reason) {
        return Map.of("field", field, "reason", reason == null ? "invalid" : reason);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }
}
