package org.compromiso.commitments;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How commitments are carried out.
 *
 * @param progressUpdateCycle how often long-running steps ask for a progress update (an ISO-8601 repeating
 *                            interval, the processes' timer cycle)
 * @param continuingReview    for a continuing commitment without a target date, when its process expects the
 *                            next review, counted from registration
 */
@ConfigurationProperties("compromiso.commitments")
public record CommitmentProperties(String progressUpdateCycle, Period continuingReview) {
}
