/**
 * The identity module's API: the commands, views and events other modules and the adapters use ({@link
 * io.knag.identity.Register}, {@link io.knag.identity.Login}, {@link io.knag.identity.TokenPair}, {@link
 * io.knag.identity.UserDeleted}, ...). Rules in {@code domain}, use cases and ports in {@code application},
 * adapters in {@code internal}.
 */
package io.knag.identity;
