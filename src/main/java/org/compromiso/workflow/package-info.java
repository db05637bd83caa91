/**
 * What the BPMN processes in {@code bpmn/} call: their deployment, delegates and listeners named after the
 * task ids they serve.
 */
package org.compromiso.workflow;
