/**
 * Reminders and escalations for every task deadline: engine timers write to an outbox, a sender mails it.
 */
package org.compromiso.reminders;
