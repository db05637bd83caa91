/**
 * Rounds of talks between governments: when, where, who sat at the table, what reports them.
 */
package org.compromiso.meetings;
