package io.knag.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.web.HttpProblems;
import io.knag.web.ProblemWriter;
import java.net.ConnectException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** The gateway's own failures as RFC 9457 problem+json; nothing internal in the body. */
@Component
@Order(-2)
class GatewayProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final ProblemWriter problems;

    GatewayProblemHandler(ObjectMapper json) {
        this.problems = new ProblemWriter(json);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return problems.write(exchange, toProblem(error, exchange.getRequest().getPath().value()));
    }

    private static KnagException toProblem(Throwable error, String path) {
        KnagException known = ProblemWriter.find(error, KnagException.class);
        if (known != null) {
            return known;
        }
        int status = error instanceof ResponseStatusException s ? s.getStatusCode().value() : 0;
        if (ProblemWriter.find(error, ConnectException.class) != null || status == 504 || status == 503) {
            return problem(HttpProblems.UPSTREAM_UNAVAILABLE, "Retry in a moment");
        }
        if (status == 404) {
            return problem(ProblemType.NOT_FOUND, "There is nothing at " + path);
        }
        if (status == 413) {
            return problem(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts");
        }
        String id = UUID.randomUUID().toString();
        log.error("unexpected error {} on {}", id, path, error);
        return problem(ProblemType.INTERNAL_ERROR, "Quote error id " + id + " when reporting this");
    }

    private static KnagException problem(ProblemType type, String detail) {
        return new KnagException(type, detail, List.of(), null);
    }
}
