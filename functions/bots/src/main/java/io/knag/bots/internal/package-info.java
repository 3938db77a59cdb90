/**
 * The bots module's adapters and wiring: the PostgreSQL store, the vault behind {@code BotCredentials}, the
 * event consumers and the auto-configuration. Hidden from other modules.
 */
package io.knag.bots.internal;
