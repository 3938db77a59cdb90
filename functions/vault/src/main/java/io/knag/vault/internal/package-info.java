/**
 * The vault module's adapters and wiring: PostgreSQL stores, the exchange key probes, the functions and the
 * auto-configuration. Hidden from other modules.
 */
package io.knag.vault.internal;
