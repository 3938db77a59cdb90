package io.knag.host.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.util.List;

/** An RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance,
               List<KnagException.Violation> violations) {

    static Problem of(KnagException e, String instance) {
        return new Problem(e.type().uri(), e.type().title(), e.type().status(), e.detail(), instance, e.violations());
    }

    static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of());
    }
}
