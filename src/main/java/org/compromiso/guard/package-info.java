/**
 * Guards what the engine evaluates and changes for a logged-in user, whatever the request looked like: query
 * expressions, the variables a completion may set, jobs of no process, and what any expression may reach.
 */
@ApplicationModule(displayName = "Guard", allowedDependencies = {"commitments", "engine", "identity", "workflow"})
package org.compromiso.guard;

import org.springframework.modulith.ApplicationModule;
