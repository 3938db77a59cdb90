/**
 * The rules of identity in plain Java: accounts, email and display-name checks, the password policy, recovery
 * codes, refresh tokens and signing keys.
 */
package io.knag.identity.domain;
