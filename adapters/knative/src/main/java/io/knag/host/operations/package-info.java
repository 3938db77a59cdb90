/**
 * Health, readiness and metrics of the host (process and HTTP server meters).
 */
package io.knag.host.operations;
