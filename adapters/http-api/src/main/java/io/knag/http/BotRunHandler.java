package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;

import io.knag.bots.BotLogs;
import io.knag.bots.BotLogsQuery;
import io.knag.bots.BotStatusChanged;
import io.knag.bots.BotView;
import io.knag.bots.StartBot;
import io.knag.bots.StopBot;
import io.knag.bots.domain.BotProblems;
import io.knag.kernel.KnagException;
import io.knag.kernel.auth.Authenticated;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** A caller's bot runs (docs/api/bots.md): start with the password, stop, its output and its status history. */
final class BotRunHandler {

    private final Function<Authenticated<StartBot>, Mono<BotView>> startBot;
    private final Function<Authenticated<StopBot>, Mono<BotView>> stopBot;
    private final Function<Authenticated<BotLogsQuery>, Mono<BotLogs>> botLogs;
    private final Function<Authenticated<UUID>, Mono<List<BotStatusChanged>>> botEvents;

    BotRunHandler(Function<Authenticated<StartBot>, Mono<BotView>> startBot,
                  Function<Authenticated<StopBot>, Mono<BotView>> stopBot,
                  Function<Authenticated<BotLogsQuery>, Mono<BotLogs>> botLogs,
                  Function<Authenticated<UUID>, Mono<List<BotStatusChanged>>> botEvents) {
        this.startBot = startBot;
        this.stopBot = stopBot;
        this.botLogs = botLogs;
        this.botEvents = botEvents;
    }

    Mono<ServerResponse> start(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> JsonBodies.read(request, StartBot.Body.class).map(body -> new StartBot(id, body.password())))
                .flatMap(command -> startBot.apply(authenticated(request, command)))
                .flatMap(bot -> ServerResponse.accepted().bodyValue(bot));
    }

    Mono<ServerResponse> stop(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> stopBot.apply(authenticated(request, new StopBot(id))))
                .flatMap(bot -> ServerResponse.accepted().bodyValue(bot));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> botEvents.apply(authenticated(request, id)))
                .flatMap(history -> ServerResponse.ok().bodyValue(history));
    }

    /** The newest {@code tail} lines, as JSON or, for {@code Accept: text/plain}, as lines of text. */
    Mono<ServerResponse> logs(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> tail(request).map(tail -> new BotLogsQuery(id, tail)))
                .flatMap(query -> botLogs.apply(authenticated(request, query)))
                .flatMap(logs -> wantsText(request)
                        ? ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(asText(logs))
                        : ServerResponse.ok().bodyValue(logs));
    }

    private static Mono<Integer> tail(ServerRequest request) {
        String value = request.queryParam("tail").orElse(Integer.toString(BotLogsQuery.DEFAULT_TAIL));
        try {
            return Mono.just(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Mono.error(new KnagException(BotProblems.LOG_LIMIT, "tail must be a whole number from 1 to "
                    + BotLogsQuery.MAX_TAIL));
        }
    }

    private static boolean wantsText(ServerRequest request) {
        return request.headers().accept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_PLAIN)
                && !type.isWildcardType());
    }

    private static String asText(BotLogs logs) {
        return logs.lines().isEmpty() ? "" : String.join("\n", logs.lines()) + "\n";
    }
}
