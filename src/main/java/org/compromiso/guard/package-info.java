/**
 * Guards what the engine evaluates and changes for a logged-in user, whatever the request looked like: query
 * expressions, the variables a completion may set, jobs of no process, and what any expression may reach.
 */
package org.compromiso.guard;
