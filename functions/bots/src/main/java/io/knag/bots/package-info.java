/**
 * The bots module's API: the commands, views and events other modules and the adapters use ({@link
 * io.knag.bots.CreateBot}, {@link io.knag.bots.BotView}, {@link io.knag.bots.BotStartRequested}, ...). Its rules
 * are in {@code domain}, its use cases and ports in {@code application}, its adapters in {@code internal}; bot
 * reports are the submodule {@code reports}, the runtime SPI is {@code runtime}.
 */
package io.knag.bots;
