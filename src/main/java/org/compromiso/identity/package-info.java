/**
 * Who works in Compromiso: agencies as Camunda groups, users, logins and authorizations.
 */
package org.compromiso.identity;
