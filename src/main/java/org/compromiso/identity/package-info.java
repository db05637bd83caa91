/**
 * Who works in Compromiso: agencies as Camunda groups, users, logins and authorizations.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"engine"})
package org.compromiso.identity;

import org.springframework.modulith.ApplicationModule;
