package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A client that is not a configured proxy cannot choose the host or scheme of the links the service builds (here
 * the calendar feed's URL): by default no address is a proxy, not even this machine's (see {@link TrustedProxyTest}).
 */
@CompromisoTest
class ForwardedHeadersTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void forwardedHostAndProtoFromAnUntrustedClientAreIgnored() {
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-Host", "evil.example");
        headers.set("X-Forwarded-Proto", "https");
        headers.set("X-Forwarded-Port", "443");
        headers.set("Forwarded", "host=evil.example;proto=https");

        var answer = http.withBasicAuth("sreCoordinator", "demo")
                .exchange("/api/calendar", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);

        assertThat(answer.getBody().get("url").asText()).startsWith(http.getRootUri() + "/calendar/");
    }
}
