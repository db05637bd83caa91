package org.compromiso.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Deployments as an administrator's script or the Camunda Modeler makes them: {@code /engine-rest/deployment/create}. */
public record EngineDeployments(TestRestTemplate http, String user, String password) {

    public static EngineDeployments asAdmin(TestRestTemplate http) {
        return new EngineDeployments(http, "admin", "demo");
    }

    /** Deploys these resources (name to content) under this deployment name; Camunda's answer as it came. */
    public ResponseEntity<String> deploy(String name, Map<String, String> resources) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", name);
        resources.forEach((file, content) -> body.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class);
    }
}
