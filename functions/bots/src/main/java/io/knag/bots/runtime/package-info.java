/**
 * The bot runtime SPI: what a runtime (local processes, Kubernetes, Knative) is given to start a bot and what it
 * reports back about the workload.
 */
package io.knag.bots.runtime;
