/**
 * Runs the service: the embedded PostgreSQL and mail catcher of the demo, security wiring and start-up checks.
 */
package org.compromiso.platform;
