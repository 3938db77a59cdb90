/**
 * The local runtime's settings and auto-configuration ({@code knag.runtime.local.*}).
 */
package io.knag.runtime.local.internal;
