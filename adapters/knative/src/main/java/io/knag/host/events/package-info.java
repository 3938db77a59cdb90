/**
 * Where the host's events go: to the consumers in this process, or as CloudEvents to a Knative sink ({@code
 * K_SINK}).
 */
package io.knag.host.events;
