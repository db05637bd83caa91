package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 19: a mail's link to a task survives sign-in, logout lands on the service's sign-in page, and a page the
 * user may not open is a plain page in their language, never a Whitelabel page.
 */
@CompromisoTest
class SignInLinksTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;

    @Test
    void theMailsLinkLeadsThroughSignInToTheTaskInTasklist() throws Exception {
        new DeskActions(http).register("TEST-LINK-MAIL", "A task opened from a mail", "agreed-action",
                Map.of("MX", "sre", "US", "state"));
        String task = tasks.createTaskQuery().processInstanceBusinessKey("TEST-LINK-MAIL").singleResult().getId();
        var browser = new FormLogin(http.getRootUri(), Map.of("Accept-Language", "en-US,en;q=0.9"));

        var signedOut = browser.open("/tasks/" + task);
        assertThat(signedOut.response().statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).endsWith("/login");
        var signInPage = browser.follow(signedOut);
        assertThat(signInPage.response().body()).contains("<h1>Compromiso</h1>", "Sign in", "name=\"_csrf\"");

        var signedIn = browser.logIn("sreCoordinator", DemoUsers.PASSWORD);
        assertThat(signedIn.response().statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).as("back to the link asked for").contains("/tasks/" + task);
        var toTasklist = browser.follow(signedIn);
        assertThat(toTasklist.response().statusCode()).isEqualTo(302);
        assertThat(location(toTasklist)).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task);
        assertThat(browser.open("/camunda/app/tasklist/default/").response().statusCode()).isEqualTo(200);
    }

    @Test
    void aTaskLinkCarriesNothingButATaskIdIntoTheRedirect() throws Exception {
        var browser = new FormLogin(http.getRootUri());
        browser.logIn("sreCoordinator", DemoUsers.PASSWORD);

        for (String probe : new String[] {"%2F%2Fevil.example", "a%0d%0aSet-Cookie:x=1", "x%23y", "a.b"}) {
            var answer = browser.open("/tasks/" + probe);
            assertThat(answer.response().statusCode()).as(probe).isNotEqualTo(302);
            assertThat(answer.response().headers().firstValue("Location")).as(probe).isEmpty();
        }
    }

    @Test
    void logoutLandsOnTheSignInPageInTheBrowsersLanguage() throws Exception {
        var browser = new FormLogin(http.getRootUri(), Map.of("Accept-Language", "es-MX,es;q=0.9"));
        browser.logIn("stateCoordinator", DemoUsers.PASSWORD);

        var loggedOut = browser.logOut();

        assertThat(loggedOut.response().statusCode()).isEqualTo(302);
        assertThat(location(loggedOut)).endsWith("/login?logout");
        var page = browser.follow(loggedOut).response();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Compromiso", "Iniciar sesión", "Ha cerrado la sesión", "id=\"username\"");
        assertThat(location(browser.open("/camunda/app/tasklist/default/"))).as("signed out").endsWith("/login");
    }

    @Test
    void aPageTheUserMayNotOpenIsAPlainPageInTheirLanguage() throws Exception {
        var spanish = new FormLogin(http.getRootUri(), Map.of("Accept-Language", "en-US,en;q=0.9"));
        spanish.logIn("sreCoordinator", DemoUsers.PASSWORD);
        var english = new FormLogin(http.getRootUri(), Map.of("Accept-Language", "es-MX,es;q=0.9"));
        english.logIn("stateCoordinator", DemoUsers.PASSWORD);

        // Tasklist's link to the process in Cockpit, and a page of the desk's
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/reminders/failed"}) {
            var refused = spanish.open(path).response();
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("Whitelabel")
                    .contains("lang=\"es\"", "No disponible para su cuenta", "Volver a sus tareas");
            var refusedInEnglish = english.open(path).response();
            assertThat(refusedInEnglish.statusCode()).as(path).isEqualTo(403);
            assertThat(refusedInEnglish.body()).as(path).doesNotContain("Whitelabel")
                    .contains("lang=\"en\"", "Not for your account", "Back to your tasks");
        }
    }

    private static String location(FormLogin.Answer answer) {
        return answer.response().headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
    }
}
