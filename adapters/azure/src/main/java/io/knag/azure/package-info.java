/**
 * The Azure Functions adapter: {@code @FunctionName} methods that only look a function up and call it (HTTP
 * through the shared routes, Event Grid events through the event consumers). No business logic
 * (docs/architecture.md).
 */
package io.knag.azure;
