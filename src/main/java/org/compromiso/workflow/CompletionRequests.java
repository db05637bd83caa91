package org.compromiso.workflow;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Tells which variables an HTTP completion of a task submitted: {@code POST .../task/{id}/complete} or
 * {@code .../submit-form}, on {@code /engine-rest} and under Tasklist's {@code /camunda/api/engine}. The engine
 * writes a completion's variables straight into the process, beside those earlier steps left there, and its public
 * API does not tell them apart before the command ends; the request body does. The body is kept as the REST API
 * reads it and looked at when the task completes.
 */
@Component
class CompletionRequests extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");
    private static final String BODY = CompletionRequests.class.getName() + ".body";
    private static final String TASK = CompletionRequests.class.getName() + ".task";

    private final ObjectMapper json;

    CompletionRequests(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completion = COMPLETION.matcher(request.getRequestURI());
        completion.matches();
        var body = new ContentCachingRequestWrapper(request);
        request.setAttribute(BODY, body);
        request.setAttribute(TASK, completion.group(1));
        chain.doFilter(body, response);
    }

    /**
     * The names of the variables that the HTTP request being served submitted to complete this task; empty when
     * the task completes otherwise (the Java API, a job), where only the process's variables are known.
     */
    Optional<Set<String>> submittedWith(String taskId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || !taskId.equals(attributes.getRequest().getAttribute(TASK))
                || !(attributes.getRequest().getAttribute(BODY) instanceof ContentCachingRequestWrapper body)) {
            return Optional.empty();
        }
        var names = new LinkedHashSet<String>();
        try {
            json.readTree(body.getContentAsByteArray()).path("variables").fieldNames().forEachRemaining(names::add);
        } catch (IOException e) {
            // the REST API read this body already; one it could not read never completes a task
            throw new IllegalStateException("Unreadable completion request for task " + taskId, e);
        }
        return Optional.of(names);
    }
}
