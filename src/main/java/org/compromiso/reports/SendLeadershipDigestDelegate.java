package org.compromiso.reports;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendLeadershipDigest}: mails the digest as of the moment its timer fired ({@code firedAt}), so a
 * retry after an SMTP failure sends the same report. Failures are left to the engine: retries, then an incident.
 */
@Component
class SendLeadershipDigestDelegate implements JavaDelegate {

    private final LeadershipDigest digest;

    SendLeadershipDigestDelegate(LeadershipDigest digest) {
        this.digest = digest;
    }

    @Override
    public void execute(DelegateExecution execution) {
        digest.send(((Date) execution.getVariable("firedAt")).toInstant());
    }
}
