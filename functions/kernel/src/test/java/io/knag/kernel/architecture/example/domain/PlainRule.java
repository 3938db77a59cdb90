package io.knag.kernel.architecture.example.domain;

/** Keeps every rule: plain Java. */
public record PlainRule(String value) {
}
