/**
 * The Kubernetes and Knative bot runtime: each bot a locked-down Deployment (or Knative Service), its
 * credentials Secret and its NetworkPolicy, watched through informers.
 */
package io.knag.runtime.kubernetes;
