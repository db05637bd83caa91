package org.compromiso.workflow;

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
 * The service without a web server (mock servlet environment), with the job executor and the reminder sender
 * off, so a test moves the engine clock and runs timers and sends by hand (the demo's clock, on in tests, follows
 * the engine's: a form's "must lie ahead" and the timers agree on what today is). The engine has a name of its own so it never stands in for the web tests' "default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "compromiso.scheduling.enabled=false",
        "camunda.bpm.process-engine-name=processtests"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(ProcessDriver.class)
@Tag("process")
public @interface ProcessTest {
}
