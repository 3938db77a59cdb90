package io.knag.kernel;

import java.util.Objects;

/**
 * A kind of failure a caller can act on: a stable {@code slug} (the last segment of the problem's
 * {@code type} URI), a short human title, and the HTTP status every adapter maps it to.
 */
public record ProblemType(String slug, String title, int status) {

    public static final String BASE_URI = "https://knag.io/problems/";

    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", "The request body is not valid JSON of the expected shape", 400);
    public static final ProblemType VALIDATION_FAILED =
            new ProblemType("validation-failed", "Some fields are missing or invalid", 400);
    public static final ProblemType AUTHENTICATION_REQUIRED =
            new ProblemType("authentication-required", "This request needs a bearer access token", 401);
    public static final ProblemType INVALID_TOKEN =
            new ProblemType("invalid-token", "The access token is not valid", 401);
    public static final ProblemType WRONG_PASSWORD =
            new ProblemType("wrong-password", "The password is not correct", 403);
    public static final ProblemType TOO_MANY_ATTEMPTS =
            new ProblemType("too-many-attempts", "Too many wrong passwords; wait before trying again", 429);
    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", "No such resource", 404);
    public static final ProblemType SERVICE_BUSY =
            new ProblemType("service-busy", "The service is busy; retry shortly", 503);
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType("internal-error", "Something went wrong on our side", 500);

    public ProblemType {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        if (!slug.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("slug must be lower-case kebab: " + slug);
        }
    }

    public String uri() {
        return BASE_URI + slug;
    }
}
