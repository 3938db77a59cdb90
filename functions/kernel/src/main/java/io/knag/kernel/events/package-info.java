/**
 * Events as the modules publish and consume them, and the in-process publisher of the embedded default.
 */
package io.knag.kernel.events;
