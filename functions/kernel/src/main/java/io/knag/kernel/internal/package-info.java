/**
 * The kernel's auto-configuration (database pool, access-token verifier). Hidden from other modules.
 */
package io.knag.kernel.internal;
