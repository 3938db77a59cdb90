/**
 * The password-hash benchmark, in identity's internal package because the Argon2id hasher it measures is
 * package-private.
 */
package io.knag.identity.internal;
