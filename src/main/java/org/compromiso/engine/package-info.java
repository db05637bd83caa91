/**
 * The engine's events as the service's features hear them: one listener for the engine's task and execution
 * events, which calls each feature's hook in a stated order, and the work a change does just before it commits.
 */
@ApplicationModule(displayName = "Engine hooks", allowedDependencies = {})
package org.compromiso.engine;

import org.springframework.modulith.ApplicationModule;
