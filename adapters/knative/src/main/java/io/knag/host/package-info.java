/**
 * The function host: one Spring Boot application that serves the functions over HTTP and CloudEvents on Knative,
 * and is the embedded default of {@code ./knag up} with all of them in one process.
 */
package io.knag.host;
