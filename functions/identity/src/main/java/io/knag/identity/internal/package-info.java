/**
 * The identity module's adapters and wiring: PostgreSQL stores, the Argon2id hasher, the functions and the auto-
 * configuration. Hidden from other modules.
 */
package io.knag.identity.internal;
