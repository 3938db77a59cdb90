/**
 * The rules of the vault in plain Java: the sealed formats of credentials and key wraps, secret fields, brokers,
 * the attempt policy.
 */
package io.knag.vault.domain;
