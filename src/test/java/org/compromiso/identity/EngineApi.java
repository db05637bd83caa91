package org.compromiso.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine's REST API on both paths the service exposes it: {@code /engine-rest} for scripts and
 * {@code /camunda/api/engine/engine/default} for the webapps, whose changes need the webapps' CSRF token.
 */
enum EngineApi {

    ENGINE_REST("/engine-rest"),
    WEBAPP("/camunda/api/engine/engine/default");

    static final String PASSWORD = DemoUsers.PASSWORD;

    private final String base;
    private final Map<String, HttpHeaders> sessions = new ConcurrentHashMap<>();

    EngineApi(String base) {
        this.base = base;
    }

    String path(String path) {
        return base + path;
    }

    ResponseEntity<String> get(TestRestTemplate http, String user, String path) {
        return get(http, user, path, MediaType.APPLICATION_JSON);
    }

    /** GET asking for this type, as Tasklist asks for HAL ({@code application/hal+json}). */
    ResponseEntity<String> get(TestRestTemplate http, String user, String path, MediaType accept) {
        return get(http, user, path, accept, null);
    }

    /** GET asking for this type, from a browser set to this language ({@code Accept-Language}; null: none). */
    ResponseEntity<String> get(TestRestTemplate http, String user, String path, MediaType accept, String language) {
        var headers = headers(http, user, MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.withBasicAuth(user, PASSWORD).exchange(URI.create(http.getRootUri() + path(path)), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    ResponseEntity<String> post(TestRestTemplate http, String user, String path, Object body) {
        return post(http, user, path, body, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<String> post(TestRestTemplate http, String user, String path, Object body, MediaType type) {
        return http.withBasicAuth(user, PASSWORD).exchange(path(path), HttpMethod.POST,
                new HttpEntity<>(body, headers(http, user, type)), String.class);
    }

    /** POST as a browser set to this language would ({@code Accept-Language}). */
    ResponseEntity<String> post(TestRestTemplate http, String user, String path, Object body, String language) {
        var headers = headers(http, user, MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth(user, PASSWORD).exchange(path(path), HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    ResponseEntity<String> put(TestRestTemplate http, String user, String path, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange(path(path), HttpMethod.PUT,
                new HttpEntity<>(body, headers(http, user, MediaType.APPLICATION_JSON)), String.class);
    }

    private HttpHeaders headers(TestRestTemplate http, String user, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (this == WEBAPP) {
            headers.addAll(sessions.computeIfAbsent(http.getRootUri() + " " + user, key -> csrfSession(http, user)));
        }
        return headers;
    }

    /** The webapps hand out their CSRF token on a GET; it is bound to the session that GET opened. */
    private HttpHeaders csrfSession(TestRestTemplate http, String user) {
        var headers = new HttpHeaders();
        headers.set("X-XSRF-TOKEN", "Fetch");
        var answer = http.withBasicAuth(user, PASSWORD).exchange(path("/task/count"), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        var session = new HttpHeaders();
        session.set("X-XSRF-TOKEN", answer.getHeaders().getFirst("X-XSRF-TOKEN"));
        session.set(HttpHeaders.COOKIE, String.join("; ", answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)
                .stream().map(cookie -> cookie.split(";", 2)[0]).toList()));
        return session;
    }
}
