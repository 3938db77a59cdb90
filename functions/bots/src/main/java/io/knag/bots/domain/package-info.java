/**
 * The rules of a bot in plain Java: its definition and its checks, its states and their transitions, quotas,
 * resources, restart policy and the image allowlist.
 */
package io.knag.bots.domain;
