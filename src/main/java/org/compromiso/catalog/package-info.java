/**
 * Imports a meeting and its agreed actions from a YAML or JSON file, all or nothing.
 */
@ApplicationModule(displayName = "Catalog",
        allowedDependencies = {"commitments", "engine", "guard", "meetings", "parties", "reminders", "workflow"})
package org.compromiso.catalog;

import org.springframework.modulith.ApplicationModule;
