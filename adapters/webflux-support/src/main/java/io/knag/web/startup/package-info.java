/**
 * A failed start told in one plain line (a port in use, a bad setting, a file that cannot be read), never a
 * stack trace.
 */
package io.knag.web.startup;
