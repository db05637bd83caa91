package org.compromiso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.compromiso.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * With the cookie and HSTS settings of application.yaml outside the demo (the embedded profile turns them off
 * for plain http), the session and CSRF cookies are Secure and HTTPS answers carry HSTS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.cookie.secure=true",
        "camunda.bpm.webapp.csrf.enable-secure-cookie=true",
        "camunda.bpm.webapp.session-cookie.enable-secure-cookie=true",
        "camunda.bpm.webapp.header-security.hsts-disabled=false",
        "COMPROMISO_TRUSTED_PROXIES=127\\.0\\.0\\.1",
        "camunda.bpm.job-execution.enabled=false",
        "compromiso.scheduling.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests)
@Tag("own-service")
class ProductionCookiesTest {

    @LocalServerPort
    int port;

    @Test
    void sessionAndCsrfCookiesAreSecureAndHttpsAnswersSendHsts() throws Exception {
        // behind a TLS-terminating proxy, as in production (a trusted proxy: COMPROMISO_TRUSTED_PROXIES)
        var browser = new FormLogin("http://127.0.0.1:" + port, Map.of("X-Forwarded-Proto", "https"));
        var login = browser.logIn("sreCoordinator", DemoUsers.PASSWORD);
        var tasklist = browser.open("/camunda/app/tasklist/default/");

        assertThat(login.setCookie("JSESSIONID")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(tasklist.setCookie("XSRF-TOKEN")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.response().headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(tasklist.response().headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
