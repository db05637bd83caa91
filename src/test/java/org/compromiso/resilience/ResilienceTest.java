package org.compromiso.resilience;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.compromiso.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A fault test against the service in this JVM: job executor and sender off (the test moves the engine clock and
 * drives them), a sending rate that never holds a batch back, and mail timeouts of two seconds so a hung server
 * costs seconds, not minutes; a database server with production's durability settings. Runs in the
 * {@code resilience} pass ({@code ./mvnw -Presilience verify}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("resilience")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "compromiso.scheduling.enabled=false",
        "camunda.bpm.process-engine-name=resilience",
        "compromiso.reminders.rate-per-minute=1000000",
        "compromiso.reminders.send-interval=PT1S",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000"})
@ContextConfiguration(initializers = TestDatabase.Durable.class)
@Import(TrialTasks.class)
public @interface ResilienceTest {
}
