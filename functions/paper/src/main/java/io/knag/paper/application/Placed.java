package io.knag.paper.application;

import io.knag.paper.domain.Fill;
import io.knag.paper.domain.Order;
import java.util.Optional;

/** A placed order, and its fill when it filled at once. */
public record Placed(Order order, Optional<Fill> fill) {
}
