/**
 * The platform's HTTP API (docs/api), shared by every host: routes that parse, check the access token and call a
 * function or a use case, and turn the modules' problems into problem+json. No business logic.
 */
package io.knag.http;
