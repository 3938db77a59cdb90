/**
 * The AWS Lambda adapter: the generic FunctionInvoker serves API Gateway (HTTP API v2) events through the shared
 * routes ({@code httpApi}) and EventBridge events through the event consumers; events go out with {@link
 * io.knag.aws.EventBridgeEventPublisher}. No business logic (docs/architecture.md).
 */
package io.knag.aws;
