package org.compromiso.platform;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.compromiso.identity.Accounts;
import org.compromiso.identity.Groups;
import org.compromiso.identity.SessionRevalidation;
import org.compromiso.identity.SpringSecurityAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for every surface. Spring Security authenticates against Camunda's identity (form login for
 * browsers, HTTP Basic for scripts); the Camunda webapps take that user through container-based
 * authentication, and the engine sees it on {@code /engine-rest} and our API, so its authorizations apply.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String DESK_OR_ADMIN[] = {"GROUP_" + Groups.DESK, "GROUP_" + Groups.ADMINS};
    // our pages only: the Camunda webapps send their own (looser) policy
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    /**
     * The engine's REST API for scripts: HTTP Basic on every request and no session, so a browser's session cookie
     * never reaches the engine here and no page of another origin can ride on it (the webapps use
     * {@code /camunda/api}, with their CSRF token). Each request also sees the account's groups as they are now.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(basicChallenge()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basicChallenge()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain compromisoSecurity(HttpSecurity http, Accounts accounts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/login").permitAll()
                        // details and metrics name server paths and load: the operator's, not every user's
                        .requestMatchers("/actuator/**").hasAuthority("GROUP_" + Groups.ADMINS)
                        // calendar apps cannot log in: the feed's random token is its credential
                        .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/api/reminders/**", "/reminders/**").hasAnyAuthority(DESK_OR_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/commitments/*/status-override")
                                .hasAnyAuthority("GROUP_" + Groups.LEADERSHIP, "GROUP_" + Groups.ADMINS)
                        .requestMatchers("/commitments/*/assessments")
                                .hasAnyAuthority("GROUP_" + Groups.LEADERSHIP, "GROUP_" + Groups.DESK, "GROUP_" + Groups.ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/commitments/*/assessments", "/api/reports/digest")
                                .hasAnyAuthority("GROUP_" + Groups.LEADERSHIP, "GROUP_" + Groups.DESK, "GROUP_" + Groups.ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/commitments/**", "/api/catalog/**").hasAnyAuthority(DESK_OR_ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/commitments/**").hasAnyAuthority(DESK_OR_ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/commitments/**").hasAnyAuthority(DESK_OR_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/parties/**").hasAuthority("GROUP_" + Groups.ADMINS)
                        .anyRequest().authenticated())
                // the webapps have their own CSRF protection (X-XSRF-TOKEN); Basic-authenticated scripts carry no
                // session cookie a third-party page could ride on
                .csrf(csrf -> csrf.ignoringRequestMatchers(matcher("/camunda/**"),
                        request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new SessionRevalidation(accounts), SecurityContextHolderFilter.class)
                // our page (identity/SignInPage); after sign-in, the page asked for before it (a mail's /tasks/{id})
                .formLogin(form -> form.loginPage("/login"))
                // a wrong password is answered by the Basic filter itself, not by the exception handling below
                .httpBasic(basic -> basic.authenticationEntryPoint(basicChallenge()))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                        "/camunda/api/admin/auth/user/*/logout")))
                        // the webapps' scripts get 200, then send the browser to /login themselves
                        // (webjars/camunda/app/tasklist/scripts/compromiso-sign-in.js); a form lands there at once
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                matcher("/camunda/api/**"))
                        .logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(matcher("/camunda/**")),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                // scripts get 401 as problem+json with a Basic challenge, browsers the login page
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(basicChallenge(), new AndRequestMatcher(
                                new OrRequestMatcher(matcher("/api/**"), matcher("/camunda/api/**"),
                                        matcher("/actuator/**"), matcher("/reports/**")),
                                new NegatedRequestMatcher(browser())))
                        .defaultAccessDeniedHandlerFor(apiAccessDenied(),
                                new OrRequestMatcher(matcher("/api/**"), matcher("/reports/*.json")))
                        // a browser elsewhere gets Boot's error page, ours (identity/ErrorPages): plain, localized
                        .defaultAccessDeniedHandlerFor(forbidden(), new NegatedRequestMatcher(browser())));
        return http.build();
    }

    /** Logs the Spring user in to Tasklist, Cockpit and Admin (documented container-based authentication). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Container Based Authentication Filter");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Sets the logged-in user and groups on the engine for each request of the engine REST API and of ours:
     * the engine checks authorizations only when a user is set, so without this a coordinator would see every
     * agency's tasks.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("Engine Authentication Filter");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/reports/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    private static RequestMatcher browser() {
        var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    private static RequestMatcher matcher(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * 403 for a logged-in user who may not do this; 401 with the Basic challenge for a caller who is not logged in,
     * whose POST the CSRF filter refuses before any login is asked for (a 403 would tell a script that its account,
     * not its missing credentials, is the problem). The request is refused either way.
     */
    private static AccessDeniedHandler apiAccessDenied() {
        var trust = new AuthenticationTrustResolverImpl();
        var forbidden = forbidden();
        return (request, response, denied) -> {
            if (!trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                basicChallenge().commence(request, response, null);
                return;
            }
            forbidden.handle(request, response, denied);
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> ApiProblems.write(response, HttpStatus.FORBIDDEN,
                "Your account may not do this", "authorization", "not permitted for your groups");
    }

    /** Spring's Basic entry point answers through Boot's /error (not problem+json); this one writes the problem. */
    private static AuthenticationEntryPoint basicChallenge() {
        return (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Compromiso\"");
            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "Log in: HTTP Basic with your Compromiso account",
                    "authorization", "missing or wrong credentials");
        };
    }
}
