package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;
import static io.knag.http.BearerAuthentication.caller;

import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.paper.application.CreatePaperAccount;
import io.knag.paper.application.DeletePaperAccount;
import io.knag.paper.application.NewPaperAccount;
import io.knag.paper.application.PaperAccountView;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The caller's paper accounts (docs/api/paper.md); a new account's secret is in its one answer, never cached. */
final class PaperAccountHandler {

    private final Function<Authenticated<CreatePaperAccount>, Mono<NewPaperAccount>> createPaperAccount;
    private final Function<Caller, Mono<List<PaperAccountView>>> listPaperAccounts;
    private final Function<Authenticated<UUID>, Mono<PaperAccountView>> getPaperAccount;
    private final Function<Authenticated<DeletePaperAccount>, Mono<Void>> deletePaperAccount;

    PaperAccountHandler(Function<Authenticated<CreatePaperAccount>, Mono<NewPaperAccount>> createPaperAccount,
                        Function<Caller, Mono<List<PaperAccountView>>> listPaperAccounts,
                        Function<Authenticated<UUID>, Mono<PaperAccountView>> getPaperAccount,
                        Function<Authenticated<DeletePaperAccount>, Mono<Void>> deletePaperAccount) {
        this.createPaperAccount = createPaperAccount;
        this.listPaperAccounts = listPaperAccounts;
        this.getPaperAccount = getPaperAccount;
        this.deletePaperAccount = deletePaperAccount;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return listPaperAccounts.apply(caller(request)).flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return JsonBodies.read(request, CreatePaperAccount.class)
                .flatMap(command -> createPaperAccount.apply(authenticated(request, command)))
                .flatMap(created -> ServerResponse.created(URI.create("/api/v1/paper/accounts/" + created.id()))
                        .cacheControl(CacheControl.noStore()).bodyValue(created));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> getPaperAccount.apply(authenticated(request, id)))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> deletePaperAccount.apply(authenticated(request, new DeletePaperAccount(id))))
                .then(ServerResponse.noContent().build());
    }
}
