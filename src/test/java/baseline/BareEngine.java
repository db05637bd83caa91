package baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The benchmark's third baseline (issue 23): Camunda 7 alone, as a team would run it. The same AgreedAction model
 * and forms from {@code bpmn/}, the engine's REST API behind Camunda's own HTTP Basic filter, authorization on,
 * history full, and the engine's own grants (a candidate group may work on its task); none of our listeners, grants,
 * deadline processes, audit, outbox, guards or schema.
 * <p>
 * It runs in a JVM of its own whose class path holds the dependencies and the test classes but not the service's
 * classes ({@code org.compromiso.bench.BareEngineNode}): the service's Jersey extensions, configuration and
 * migrations would otherwise load into it. Its package is outside {@code org.compromiso}, so the service's own
 * component scan in the tests never finds it (its exclusions would switch Flyway off there). Spring Security and Flyway are on that class path and are left off, as a team with
 * Camunda alone would not have them.
 */
@SpringBootApplication(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
public class BareEngine {

    /** The users the benchmark's clients log in as, with their groups; their password is {@code bare.password}. */
    static final List<List<String>> USERS = List.of(List.of("deskOfficer", "desk"), List.of("sreCoordinator", "sre"),
            List.of("stateCoordinator", "state"));

    public static void main(String[] args) {
        SpringApplication.run(BareEngine.class, args);
    }

    /** Camunda's documented way to secure its REST API without Spring Security. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /**
     * The people and the model, once the engine runs on its new database: the desk may start AgreedAction; the coordinators get their
     * tasks through the engine's default grant to a task's candidate groups.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void prepare(ApplicationReadyEvent ready) throws IOException {
        var context = ready.getApplicationContext();
        var identity = context.getBean(IdentityService.class);
        var authorizations = context.getBean(AuthorizationService.class);
        String password = context.getEnvironment().getRequiredProperty("bare.password");
        for (List<String> user : USERS) {
            var created = identity.newUser(user.get(0));
            created.setPassword(password);
            identity.saveUser(created);
            identity.saveGroup(identity.newGroup(user.get(1)));
            identity.createMembership(user.get(0), user.get(1));
        }
        grant(authorizations, "desk", Resources.PROCESS_DEFINITION, "AgreedAction", Permissions.CREATE_INSTANCE,
                Permissions.READ);
        grant(authorizations, "desk", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        deploy(context.getBean(RepositoryService.class),
                Path.of(context.getEnvironment().getProperty("bare.models", "bpmn")));
    }

    private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
                              Permissions... permissions) {
        var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    /** AgreedAction and its forms, as the service deploys them from the same folder. */
    private static void deploy(RepositoryService repository, Path models) throws IOException {
        var deployment = repository.createDeployment().name("bare").enableDuplicateFiltering(true);
        try (Stream<Path> files = Files.list(models)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("agreed-action"))
                    .sorted().toList()) {
                try (InputStream content = Files.newInputStream(file)) {
                    deployment.addInputStream(file.getFileName().toString(), content);
                }
            }
        }
        deployment.deploy();
    }
}
