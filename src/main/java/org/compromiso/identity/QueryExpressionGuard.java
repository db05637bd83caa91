package org.compromiso.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expression fields ({@code dueBeforeExpression}, ...) in queries sent to the engine's REST APIs by
 * anyone but an administrator. Camunda 7.24.0 evaluates them inside {@code orQueries} even with ad-hoc
 * expressions disabled, which lets any logged-in user run JUEL on the server; the fix is enterprise-only.
 */
@Component
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final int MAX_BODY = 1024 * 1024;

    private final ObjectMapper json;

    QueryExpressionGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/")) || isAdmin();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        for (String pair : query.split("&")) {
            String parameter = pair.split("=", 2)[0];
            if (isExpressionField(parameter)) {
                refuse(response, parameter);
                return;
            }
        }
        if (request.getContentType() == null || !request.getContentType().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String field = body.length == 0 ? null : expressionFieldIn(body);
        if (field != null) {
            refuse(response, field);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private String expressionFieldIn(byte[] body) {
        try {
            return find(json.readTree(body));
        } catch (JsonProcessingException e) {
            return null;  // not JSON: the engine refuses it itself
        } catch (IOException e) {
            return null;
        }
    }

    private static String find(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (isExpressionField(field.getKey())) {
                    return field.getKey();
                }
                String nested = find(field.getValue());
                if (nested != null) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String nested = find(element);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static boolean isExpressionField(String name) {
        return name.endsWith("Expression") || name.endsWith("Expressions");
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("GROUP_" + Groups.ADMINS));
    }

    private static void refuse(HttpServletResponse response, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Bad Request","status":400,\
                "detail":"Expressions in queries are reserved to administrators",\
                "errors":[{"field":"%s","reason":"expressions are not allowed"}]}""".formatted(field));
    }

    /** The request with the body already read, readable again by the engine's REST resources. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
