/**
 * Agreed actions: their registration, the process that carries each out, their changes and history.
 */
@ApplicationModule(displayName = "Commitments", allowedDependencies = {"engine", "identity", "meetings", "parties"})
package org.compromiso.commitments;

import org.springframework.modulith.ApplicationModule;
