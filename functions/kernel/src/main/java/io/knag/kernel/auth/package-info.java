/**
 * Access tokens: verification (RS256, claims) and the authenticated caller every use case is given.
 */
package io.knag.kernel.auth;
