/**
 * Status reports for leadership: the status rules, one query layer over our tables and the engine's history,
 * and the renderers (HTML, PDF, CSV, JSON) and the leadership digest.
 */
package org.compromiso.reports;
