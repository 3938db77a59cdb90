/**
 * Infrastructure: periodic work that starts and stops with the application.
 */
package io.knag.kernel.lifecycle;
