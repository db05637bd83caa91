package org.compromiso.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the service's own schedules (the reminder sender); tests that drive them by hand turn it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "compromiso.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
