/**
 * Runs the service: the embedded PostgreSQL and mail catcher of the demo, security wiring and start-up checks.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {"engine", "guard", "identity"})
package org.compromiso.platform;

import org.springframework.modulith.ApplicationModule;
