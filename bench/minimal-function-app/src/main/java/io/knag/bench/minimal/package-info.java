/**
 * The smallest Spring Cloud Function WebFlux application, the baseline the host's start-up time is compared
 * with.
 */
package io.knag.bench.minimal;
