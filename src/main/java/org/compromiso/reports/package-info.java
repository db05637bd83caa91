/**
 * Status reports for leadership: the status rules, one query layer over our tables and the engine's history,
 * and the renderers (HTML, PDF, CSV, JSON) and the leadership digest.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = {"engine", "identity", "meetings", "platform"})
package org.compromiso.reports;

import org.springframework.modulith.ApplicationModule;
