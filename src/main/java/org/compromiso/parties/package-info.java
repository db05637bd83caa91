/**
 * The governments that take part in meetings and commitments: reference data that an administrator extends.
 */
@ApplicationModule(displayName = "Parties", allowedDependencies = {})
package org.compromiso.parties;

import org.springframework.modulith.ApplicationModule;
