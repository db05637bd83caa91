/**
 * Who changed a task, how, when and from which surface, written to its commitment's history.
 */
package org.compromiso.audit;
