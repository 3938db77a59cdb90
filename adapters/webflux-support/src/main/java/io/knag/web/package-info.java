/**
 * What the host and the gateway share on the HTTP edge: problem+json answers, security headers, normalised
 * paths, callers from tokens.
 */
package io.knag.web;
