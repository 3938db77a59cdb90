package io.knag.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.web.HttpProblems;
import io.knag.web.ProblemExceptionHandler;
import io.knag.web.ProblemWriter;
import java.net.ConnectException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The gateway's own failures as RFC 9457 problem+json; nothing internal in the body. */
@Component
@Order(-2)
class GatewayProblemHandler extends ProblemExceptionHandler {

    GatewayProblemHandler(ObjectMapper json) {
        super(json);
    }

    @Override
    protected KnagException edgeProblem(Throwable error, String path) {
        int status = error instanceof ResponseStatusException s ? s.getStatusCode().value() : 0;
        if (ProblemWriter.find(error, ConnectException.class) != null || status == 503 || status == 504) {
            return problem(HttpProblems.UPSTREAM_UNAVAILABLE, "Retry in a moment");
        }
        if (status == 404) {
            return problem(ProblemType.NOT_FOUND, "There is nothing at " + path);
        }
        if (status == 413) {
            return problem(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts");
        }
        return null;
    }
}
