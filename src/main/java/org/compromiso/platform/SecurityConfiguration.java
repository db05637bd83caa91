package org.compromiso.platform;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.security.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** Nothing is anonymous but the health probe and the login page itself. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain compromisoSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        // the Camunda webapps keep their own login for now; their API checks it
                        .requestMatchers("/camunda/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/api/**"))
                .formLogin(withDefaults())
                .httpBasic(withDefaults())
                // scripts get 401 and a Basic challenge, browsers the login page
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        basicChallenge(),
                        new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))));
        return http.build();
    }

    private static BasicAuthenticationEntryPoint basicChallenge() {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Compromiso");
        return entryPoint;
    }
}
