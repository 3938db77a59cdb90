package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;
import static io.knag.http.BearerAuthentication.caller;

import io.knag.bots.BotImages;
import io.knag.bots.BotView;
import io.knag.bots.CreateBot;
import io.knag.bots.DeleteOutcome;
import io.knag.bots.UpdateBot;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** A caller's bot definitions (docs/api/bots.md): each method reads its input, calls its function, answers. */
final class BotHandler {

    private final Function<Authenticated<CreateBot>, Mono<BotView>> createBot;
    private final Function<Caller, Mono<List<BotView>>> listBots;
    private final Function<Authenticated<UUID>, Mono<BotView>> getBot;
    private final Function<Authenticated<UpdateBot>, Mono<BotView>> updateBot;
    private final Function<Authenticated<UUID>, Mono<DeleteOutcome>> deleteBot;
    private final Function<Caller, Mono<BotImages>> botImages;

    BotHandler(Function<Authenticated<CreateBot>, Mono<BotView>> createBot, Function<Caller, Mono<List<BotView>>> listBots,
               Function<Authenticated<UUID>, Mono<BotView>> getBot, Function<Authenticated<UpdateBot>, Mono<BotView>> updateBot,
               Function<Authenticated<UUID>, Mono<DeleteOutcome>> deleteBot, Function<Caller, Mono<BotImages>> botImages) {
        this.botImages = botImages;
        this.createBot = createBot;
        this.listBots = listBots;
        this.getBot = getBot;
        this.updateBot = updateBot;
        this.deleteBot = deleteBot;
    }

    /** The images bots may run here (the operator's allowlist). */
    Mono<ServerResponse> images(ServerRequest request) {
        return botImages.apply(caller(request)).flatMap(images -> ServerResponse.ok().bodyValue(images));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return listBots.apply(caller(request)).flatMap(bots -> ServerResponse.ok().bodyValue(bots));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return JsonBodies.read(request, CreateBot.class)
                .flatMap(command -> createBot.apply(authenticated(request, command)))
                .flatMap(bot -> ServerResponse.created(URI.create("/api/v1/bots/" + bot.id())).bodyValue(bot));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> getBot.apply(authenticated(request, id)))
                .flatMap(bot -> ServerResponse.ok().bodyValue(bot));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> JsonBodies.read(request, UpdateBot.Changes.class).map(changes -> new UpdateBot(id, changes)))
                .flatMap(command -> updateBot.apply(authenticated(request, command)))
                .flatMap(bot -> ServerResponse.ok().bodyValue(bot));
    }

    /** 204 when the bot is gone; 202 when it is stopping first and goes once it has stopped. */
    Mono<ServerResponse> delete(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> deleteBot.apply(authenticated(request, id)))
                .flatMap(outcome -> outcome == DeleteOutcome.DELETED ? ServerResponse.noContent().build()
                        : ServerResponse.accepted().build());
    }
}
