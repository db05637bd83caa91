package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser session follows its account as it is now: removing a user from a group, locking or deleting them takes
 * effect at their next request on our API, the reports and the webapps; and a session cookie is no credential for
 * {@code /engine-rest}, so no page of another origin can ride on it.
 */
@CompromisoTest
class SessionRevalidationTest {

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aDeskOfficerRemovedFromTheDeskLosesItsRightsAtTheNextRequest() throws Exception {
        var browser = loggedIn("testDeskMember", "desk");
        assertThat(json(browser, "/api/reminders/failed")).isEqualTo(200);
        assertThat(json(browser, "/camunda/api/engine/engine/default/process-instance/count")).isEqualTo(200);

        identity.deleteMembership("testDeskMember", "desk");

        assertThat(json(browser, "/api/reminders/failed")).isEqualTo(403);
        assertThat(browser.open("/reminders/failed").response().statusCode()).isEqualTo(403);
        assertThat(browser.open("/login").response().statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void aDeletedUserIsLoggedOutEverywhere() throws Exception {
        var browser = loggedIn("testDeletedUser", "sre");
        assertThat(json(browser, "/api/commitments")).isEqualTo(200);

        identity.deleteUser("testDeletedUser");

        assertLoggedOut(browser);
    }

    @Test
    void aLockedUserIsLoggedOutEverywhere() throws Exception {
        var browser = loggedIn("testLockedUser", "sre");
        assertThat(browser.open("/reports/status").response().statusCode()).isEqualTo(200);

        // what Camunda writes after too many wrong passwords
        jdbc.update("UPDATE act_id_user SET lock_exp_time_ = ? WHERE id_ = ?",
                Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)), "testLockedUser");

        assertLoggedOut(browser);
    }

    @Test
    void aSessionCookieIsNoCredentialForTheEngineRestApi() throws Exception {
        var browser = loggedIn("testCookieUser", "sre");
        String cookies = browser.cookieHeader();

        var read = send(HttpRequest.newBuilder(uri("/engine-rest/task/count")).header("Cookie", cookies).GET());
        var write = send(HttpRequest.newBuilder(uri("/engine-rest/process-instance/x/variables/leadAgencyMX/data"))
                .header("Cookie", cookies).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"data\"; "
                        + "filename=\"x\"\r\n\r\ngsa\r\n--b--\r\n")));

        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(read.headers().allValues("Set-Cookie")).as("no session for scripts").isEmpty();
    }

    private void assertLoggedOut(FormLogin browser) throws Exception {
        assertThat(json(browser, "/api/commitments")).isEqualTo(401);
        assertThat(browser.open("/reports/status").response().statusCode()).as("to the login page").isEqualTo(302);
        assertThat(json(browser, "/camunda/api/engine/engine/default/task/count")).isEqualTo(401);
    }

    private FormLogin loggedIn(String user, String group) throws Exception {
        if (identity.createUserQuery().userId(user).count() == 0) {
            var account = identity.newUser(user);
            account.setPassword("a long password for " + user);
            account.setEmail(user + "@example.org");
            identity.saveUser(account);
            identity.createMembership(user, group);
        }
        var browser = new FormLogin("http://localhost:" + port, Map.of());
        var login = browser.logIn(user, "a long password for " + user);
        assertThat(login.response().statusCode()).isEqualTo(302);
        assertThat(login.response().headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    /** A request as the pages' scripts and Tasklist make it: the session cookie, JSON. */
    private int json(FormLogin browser, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", browser.cookieHeader())
                .header("Accept", "application/json").GET()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
