/**
 * The vault module's API: the commands, views and envelopes other modules and the adapters use ({@link
 * io.knag.vault.AddCredential}, {@link io.knag.vault.CredentialView}, {@link io.knag.vault.LaunchEnvelope},
 * ...). Rules in {@code domain}, use cases and ports in {@code application}, adapters in {@code internal}.
 */
package io.knag.vault;
