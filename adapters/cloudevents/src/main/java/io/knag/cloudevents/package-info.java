/**
 * CloudEvents over HTTP (binary and structured mode) for every host: the codec between kernel events and
 * CloudEvents, their signatures, and redelivery by event id.
 */
package io.knag.cloudevents;
