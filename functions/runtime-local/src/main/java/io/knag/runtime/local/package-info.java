/**
 * The local bot runtime of the embedded default: each bot a supervised process on this machine.
 */
package io.knag.runtime.local;
