/**
 * The paper exchange's adapters and wiring: the PostgreSQL store, the synthetic feed and the klines replay, the
 * settlement schedule, the auto-configuration. Hidden from other modules.
 */
package io.knag.paper.internal;
