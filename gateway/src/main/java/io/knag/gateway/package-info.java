/**
 * The API gateway, the platform's single entry point: TLS, the access-token check, rate limits (in memory or
 * Redis), browser origins and routing to the functions.
 */
package io.knag.gateway;
