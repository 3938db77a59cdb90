/**
 * The vault use cases ({@link io.knag.vault.application.Credentials}, {@link
 * io.knag.vault.application.VaultKeys}) and the ports they need (the stores, the key probe).
 */
package io.knag.vault.application;
