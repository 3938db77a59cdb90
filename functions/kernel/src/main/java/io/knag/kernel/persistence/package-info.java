/**
 * Infrastructure: R2DBC transactions, database URLs and Flyway migrations per module schema.
 */
package io.knag.kernel.persistence;
