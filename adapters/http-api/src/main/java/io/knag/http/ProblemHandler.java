package io.knag.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.web.HttpProblems;
import io.knag.web.ProblemExceptionHandler;
import io.knag.web.ProblemWriter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** The function host's failures as RFC 9457 problem+json with a stable {@code type}. */

@Order(-2)
class ProblemHandler extends ProblemExceptionHandler {

    ProblemHandler(ObjectMapper json) {
        super(json);
    }

    @Override
    protected KnagException edgeProblem(Throwable error, String path) {
        int status = error instanceof ResponseStatusException s ? s.getStatusCode().value() : 0;
        if (ProblemWriter.find(error, DataBufferLimitException.class) != null || status == 413) {
            return problem(HttpProblems.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts");
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return problem(HttpProblems.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        if (error instanceof NotAcceptableStatusException) {
            return problem(HttpProblems.NOT_ACCEPTABLE, "Accept application/json");
        }
        if (error instanceof MethodNotAllowedException) {
            return problem(HttpProblems.METHOD_NOT_ALLOWED, "This method is not allowed on " + path);
        }
        if (error instanceof ServerWebInputException) {
            return problem(ProblemType.MALFORMED_REQUEST, "The body is not JSON of the expected shape");
        }
        if (status == 404) {
            return problem(ProblemType.NOT_FOUND, "There is nothing at " + path);
        }
        return null;
    }
}
