package org.compromiso.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser that logs in through the login form and keeps its cookies; it follows no redirect, to see each answer. */
final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String root;
    private final Map<String, String> headers;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    FormLogin(String root, Map<String, String> headers) {
        this.root = root;
        this.headers = headers;
    }

    FormLogin(String root) {
        this(root, Map.of());
    }

    Answer open(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "text/html").GET());
    }

    Answer logIn(String user, String password) throws IOException, InterruptedException {
        return postForm("/login", Map.of("username", user, "password", password));
    }

    /** Signs out as a page of ours does: a form's POST with the session's CSRF token. */
    Answer logOut() throws IOException, InterruptedException {
        return postForm("/logout", Map.of());
    }

    /** Follows the answer's redirect, as a browser would, and returns the next answer. */
    Answer follow(Answer answer) throws IOException, InterruptedException {
        URI location = URI.create(root).resolve(answer.response().headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + answer.response().statusCode())));
        return open(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    /** A form's POST with the CSRF token the sign-in page holds for this session. */
    private Answer postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        var page = open("/login").response().body();
        var token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no CSRF token in the login page");
        }
        var values = new LinkedHashMap<>(fields);
        values.put("_csrf", token.group(1));
        String form = values.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The cookies this browser holds, as it would send them. */
    String cookieHeader() {
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(root + path));
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(header -> {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        return new Answer(response);
    }

    record Answer(HttpResponse<String> response) {

        /** The whole Set-Cookie header of that cookie, with its attributes. */
        Optional<String> setCookie(String name) {
            return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "="))
                    .findFirst();
        }
    }
}
