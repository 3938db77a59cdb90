/**
 * The identity use cases ({@link io.knag.identity.application.Accounts}, {@link
 * io.knag.identity.application.Sessions}, {@link io.knag.identity.application.SigningKeys}, {@link
 * io.knag.identity.application.AccessTokens}) and the ports they need (the stores, the password hasher, the
 * vault keyring).
 */
package io.knag.identity.application;
