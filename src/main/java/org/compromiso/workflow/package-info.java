/**
 * What the BPMN processes in {@code bpmn/} call: their deployment, delegates and listeners named after the
 * task ids they serve.
 */
@ApplicationModule(displayName = "Workflow", allowedDependencies = {"commitments", "engine", "identity", "meetings"})
package org.compromiso.workflow;

import org.springframework.modulith.ApplicationModule;
