/**
 * Rounds of talks between governments: when, where, who sat at the table, what reports them.
 */
@ApplicationModule(displayName = "Meetings", allowedDependencies = {"identity"})
package org.compromiso.meetings;

import org.springframework.modulith.ApplicationModule;
