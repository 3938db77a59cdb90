/**
 * The Kubernetes runtime's settings and auto-configuration ({@code knag.runtime.kubernetes.*}).
 */
package io.knag.runtime.kubernetes.internal;
