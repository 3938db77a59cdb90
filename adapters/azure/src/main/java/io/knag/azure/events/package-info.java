/**
 * Publishing the platform's events to an Azure Event Grid topic.
 */
package io.knag.azure.events;
