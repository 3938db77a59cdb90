package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;
import static io.knag.http.BearerAuthentication.caller;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.knag.bots.reports.application.Portfolio;
import io.knag.bots.reports.application.ReportOutcome;
import io.knag.bots.reports.application.ReportProblems;
import io.knag.bots.reports.application.ReportSubmission;
import io.knag.bots.reports.application.TradesPage;
import io.knag.bots.reports.application.TradesQuery;
import io.knag.bots.reports.domain.Performance;
import io.knag.kernel.KnagException;
import io.knag.kernel.Validation;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.web.HttpProblems;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What bots report and what their owners read of it (docs/api/bots.md#reports-trades-and-performance): a running
 * bot posts a CloudEvent (binary or structured mode) with its report token; the owner reads trades, performance
 * and the portfolio.
 */
final class BotReportHandler {

    static final int MOST_REPORT_BYTES = 16 * 1024;
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final Function<ReportSubmission, Mono<ReportOutcome>> receiveBotReport;
    private final Function<Authenticated<TradesQuery>, Mono<TradesPage>> botTrades;
    private final Function<Authenticated<UUID>, Mono<Performance>> botPerformance;
    private final Function<Caller, Mono<Portfolio>> portfolio;

    BotReportHandler(Function<ReportSubmission, Mono<ReportOutcome>> receiveBotReport,
                     Function<Authenticated<TradesQuery>, Mono<TradesPage>> botTrades,
                     Function<Authenticated<UUID>, Mono<Performance>> botPerformance,
                     Function<Caller, Mono<Portfolio>> portfolio) {
        this.receiveBotReport = receiveBotReport;
        this.botTrades = botTrades;
        this.botPerformance = botPerformance;
        this.portfolio = portfolio;
    }

    /** 202 for a report taken in, 200 for one already had (a retry); the bot's report token is checked by the function. */
    Mono<ServerResponse> receive(ServerRequest request) {
        return submission(request).flatMap(submission -> receiveBotReport.apply(submission)
                .flatMap(outcome -> ServerResponse.status(outcome == ReportOutcome.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .bodyValue(Map.of("id", submission.eventId(), "status", outcome.name().toLowerCase(Locale.ROOT)))));
    }

    Mono<ServerResponse> trades(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .map(id -> new TradesQuery(id, count(request, "offset"), count(request, "limit")))
                .flatMap(query -> botTrades.apply(authenticated(request, query)))
                .flatMap(page -> ServerResponse.ok().bodyValue(page));
    }

    Mono<ServerResponse> performance(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> botPerformance.apply(authenticated(request, id)))
                .flatMap(performance -> ServerResponse.ok().bodyValue(performance));
    }

    Mono<ServerResponse> portfolio(ServerRequest request) {
        return portfolio.apply(caller(request)).flatMap(all -> ServerResponse.ok().bodyValue(all));
    }

    private static Mono<ReportSubmission> submission(ServerRequest request) {
        String token = reportToken(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        return PathIds.uuid(request, "id").flatMap(botId -> request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .map(body -> read(botId, token, request.headers().asHttpHeaders(), body)));
    }

    private static ReportSubmission read(UUID botId, String token, HttpHeaders headers, byte[] body) {
        if (body.length > MOST_REPORT_BYTES) {
            throw new KnagException(HttpProblems.PAYLOAD_TOO_LARGE, "A report is at most " + MOST_REPORT_BYTES + " bytes");
        }
        Map<String, List<String>> lowered = new HashMap<>();
        headers.forEach((name, values) -> lowered.put(name.toLowerCase(Locale.ROOT), values));
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReaderFromMultimap(lowered, body).toEvent();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            throw invalid("Send a CloudEvents 1.0 HTTP message (binary or structured mode) with id, source, type and specversion");
        }
        if (!EVENT_ID.matcher(event.getId()).matches()) {
            throw invalid("The event id must be 1 to 100 printable characters without spaces");
        }
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith("application/json")) {
            throw invalid("The event data must be application/json");
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new ReportSubmission(botId, token, event.getId(), event.getType(), event.getSubject(), time, data(event));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(CloudEvent event) {
        if (event.getData() == null || event.getData().toBytes().length == 0) {
            return Map.of();
        }
        try {
            Object data = json.readValue(event.getData().toBytes(), Object.class);
            if (data instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IOException e) {
            throw invalid("The event data is not valid JSON");
        }
        throw invalid("The event data must be a JSON object");
    }

    private static String reportToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    private static Integer count(ServerRequest request, String name) {
        String value = request.queryParam(name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            new Validation().require(false, name, "must be a whole number").throwIfFailed();
            return null;
        }
    }

    private static KnagException invalid(String detail) {
        return new KnagException(ReportProblems.INVALID_REPORT, detail);
    }
}
