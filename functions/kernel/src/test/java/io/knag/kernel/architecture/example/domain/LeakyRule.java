package io.knag.kernel.architecture.example.domain;

import org.springframework.util.Assert;

/** Breaks {@code DOMAIN_IS_PLAIN_JAVA}: a domain rule that reaches for Spring. */
public final class LeakyRule {

    public static void check(String value) {
        Assert.hasText(value, "value");
    }
}
