/**
 * The embedded PostgreSQL of the default run and the tests: binaries from Maven Central, one server per data
 * directory, started and stopped with the host.
 */
package io.knag.embedded.postgres;
