/**
 * Which PostgreSQL the host uses: the embedded one by default, or a server named by configuration; migrations at
 * start.
 */
package io.knag.host.database;
