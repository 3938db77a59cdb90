package io.knag.web;

import io.knag.kernel.KnagException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Content-Type and Accept headers that do not parse are refused at the edge, before a route, a codec or a
 * content negotiation reads them: a 415 or 406 problem, never a 500 with a stack trace. The details do not
 * repeat the header, which is the caller's text.
 */
public final class MediaTypeHeaders {

    private MediaTypeHeaders() {
    }

    /** The problem with the request's media-type headers, or null when they parse. */
    public static KnagException malformed(HttpHeaders headers) {
        List<String> contentTypes = headers.getOrEmpty(HttpHeaders.CONTENT_TYPE);
        if (contentTypes.size() > 1) {
            return new KnagException(HttpProblems.UNSUPPORTED_MEDIA_TYPE, "Send one Content-Type header, not "
                    + contentTypes.size());
        }
        if (!contentTypes.isEmpty() && !parses(contentTypes.get(0), false)) {
            return new KnagException(HttpProblems.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header is not one media type with a known charset, such as application/json");
        }
        for (String accept : headers.getOrEmpty(HttpHeaders.ACCEPT)) {
            if (!parses(accept, true)) {
                return new KnagException(HttpProblems.NOT_ACCEPTABLE,
                        "The Accept header is not a list of media types, such as application/json");
            }
        }
        return null;
    }

    private static boolean parses(String value, boolean list) {
        try {
            if (list) {
                MediaType.parseMediaTypes(value);
            } else {
                MediaType.parseMediaType(value);
            }
            return true;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, and what a parameter check throws
            return false;
        }
    }
}
