/**
 * Agreed actions: their registration, the process that carries each out, their changes and history.
 */
package org.compromiso.commitments;
