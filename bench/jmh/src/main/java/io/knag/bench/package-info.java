/**
 * JMH benchmarks of the platform's hot paths (bench/README.md lists them with their targets and figures).
 */
package io.knag.bench;
