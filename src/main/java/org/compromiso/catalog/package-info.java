/**
 * Imports a meeting and its agreed actions from a YAML or JSON file, all or nothing.
 */
package org.compromiso.catalog;
