/**
 * Reminders and escalations for every task deadline: engine timers write to an outbox, a sender mails it.
 */
@ApplicationModule(displayName = "Reminders", allowedDependencies = {"commitments", "engine", "identity", "platform"})
package org.compromiso.reminders;

import org.springframework.modulith.ApplicationModule;
