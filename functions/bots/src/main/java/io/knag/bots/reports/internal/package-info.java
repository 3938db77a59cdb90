/**
 * The reports submodule's adapters: its PostgreSQL store, the paper exchange's fills, the auto-configuration.
 */
package io.knag.bots.reports.internal;
