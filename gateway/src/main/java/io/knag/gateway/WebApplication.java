package io.knag.gateway;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The web application (web/, built into the knag-web jar) at {@code /}. Its hashed files under {@code /assets}
 * are cached for a year (a new build names them anew); {@code index.html} answers {@code /} and every page path
 * the application routes itself, when a browser asks for a page, and is never cached, so a new release is what
 * the next load gets. These answers carry the application's Content-Security-Policy
 * ({@code SecurityHeaders.WEB_APPLICATION}) instead of the API's deny-all one; no token is needed for them, and
 * the application calls {@code /api/v1} with the person's token like any client.
 */
@Configuration(proxyBeanMethods = false)
class WebApplication {

    /** Set on the exchange of an answer that is the web application's. */
    static final String ANSWER = WebApplication.class.getName() + ".answer";
    static final String ROOT = "knag-web/";

    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    /** Paths that are never the application's pages: the API, the exchange, the operations endpoints. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/.well-known/", "/paper/", "/actuator", "/assets/");
    private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl FOR_AN_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> webApplicationFiles() {
        // Looked up once: they are the jar's, and every page load asks for them.
        Resource index = existing(ROOT + "index.html");
        Resource icon = existing(ROOT + "favicon.svg");
        return RouterFunctions.route()
                .GET("/assets/{file}", WebApplication::asset)
                .GET("/favicon.svg", request -> file(request, icon, FOR_AN_HOUR))
                .GET("/", request -> file(request, index, CacheControl.noCache()))
                .GET(WebApplication::isPage, request -> file(request, index, CacheControl.noCache()))
                .build();
    }

    private static Mono<ServerResponse> asset(ServerRequest request) {
        String name = request.pathVariable("file");
        if (!ASSET.matcher(name).matches()) {
            return Mono.error(notFound());
        }
        return file(request, existing(ROOT + "assets/" + name), FOR_A_YEAR);
    }

    /** The class path resource at {@code path}, or null when there is none. */
    private static Resource existing(String path) {
        Resource resource = new ClassPathResource(path);
        return resource.exists() ? resource : null;
    }

    private static Mono<ServerResponse> file(ServerRequest request, Resource resource, CacheControl caching) {
        if (resource == null) {
            return Mono.error(notFound());
        }
        request.exchange().getAttributes().put(ANSWER, Boolean.TRUE);
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ServerResponse.ok().contentType(type).cacheControl(caching).bodyValue(resource);
    }

    /** A page of the application: a browser navigating (it asks for HTML by name) to a path outside the API. */
    private static boolean isPage(ServerRequest request) {
        String path = request.path();
        return NOT_PAGES.stream().noneMatch(path::startsWith)
                && request.headers().accept().stream().anyMatch(type -> !type.isWildcardType()
                && MediaType.TEXT_HTML.isCompatibleWith(type) && type.getQualityValue() > 0);
    }

    private static KnagException notFound() {
        return new KnagException(ProblemType.NOT_FOUND, "There is no such file");
    }
}
