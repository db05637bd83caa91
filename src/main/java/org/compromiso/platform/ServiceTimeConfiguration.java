package org.compromiso.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's clock: the system's time, in the configured zone ({@link ServiceTime}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTime.class)
class ServiceTimeConfiguration {

    @Bean
    Clock clock(ServiceTime time) {
        return time.clock();
    }
}
