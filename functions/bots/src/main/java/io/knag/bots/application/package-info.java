/**
 * The bots use cases ({@link io.knag.bots.application.Bots} for definitions, {@link
 * io.knag.bots.application.Launches} for start and stop requests, {@link io.knag.bots.application.BotManager}
 * for provisioning, {@link io.knag.bots.application.Convergence} for watching) and the ports they need ({@link
 * io.knag.bots.application.BotStore}, {@link io.knag.bots.application.BotCredentials}).
 */
package io.knag.bots.application;
