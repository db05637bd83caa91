package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;

/** Behind a configured proxy (COMPROMISO_TRUSTED_PROXIES), the links follow the host and scheme it forwards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "COMPROMISO_TRUSTED_PROXIES=127\\.0\\.0\\.1",
        "camunda.bpm.job-execution.enabled=false",
        "compromiso.scheduling.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests)
@Tag("own-service")
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void forwardedHostAndProtoFromATrustedProxyAreHonoured() {
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-Host", "compromiso.example");
        headers.set("X-Forwarded-Proto", "https");

        var answer = new TestRestTemplate().withBasicAuth("sreCoordinator", "demo").exchange(
                "http://127.0.0.1:" + port + "/api/calendar", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

        assertThat(answer.getBody().get("url").asText()).startsWith("https://compromiso.example/calendar/");
    }
}
