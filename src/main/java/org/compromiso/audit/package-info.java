/**
 * Who changed a task, how, when and from which surface, written to its commitment's history.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"commitments", "engine", "identity"})
package org.compromiso.audit;

import org.springframework.modulith.ApplicationModule;
