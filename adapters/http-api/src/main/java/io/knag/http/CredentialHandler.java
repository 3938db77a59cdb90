package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;
import static io.knag.http.BearerAuthentication.caller;

import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.AddCredential;
import io.knag.vault.Broker;
import io.knag.vault.CredentialView;
import io.knag.vault.RotateCredential;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The caller's vault (docs/api/vault.md): metadata in, metadata out; secrets only ever go in. */
final class CredentialHandler {

    private final Supplier<Mono<List<Broker>>> listBrokers;
    private final Function<Caller, Mono<List<CredentialView>>> listCredentials;
    private final Function<Authenticated<AddCredential>, Mono<CredentialView>> addCredential;
    private final Function<Authenticated<UUID>, Mono<CredentialView>> getCredential;
    private final Function<Authenticated<RotateCredential>, Mono<CredentialView>> rotateCredential;
    private final Function<Authenticated<UUID>, Mono<Void>> deleteCredential;

    CredentialHandler(Supplier<Mono<List<Broker>>> listBrokers, Function<Caller, Mono<List<CredentialView>>> listCredentials,
                      Function<Authenticated<AddCredential>, Mono<CredentialView>> addCredential,
                      Function<Authenticated<UUID>, Mono<CredentialView>> getCredential,
                      Function<Authenticated<RotateCredential>, Mono<CredentialView>> rotateCredential,
                      Function<Authenticated<UUID>, Mono<Void>> deleteCredential) {
        this.listBrokers = listBrokers;
        this.listCredentials = listCredentials;
        this.addCredential = addCredential;
        this.getCredential = getCredential;
        this.rotateCredential = rotateCredential;
        this.deleteCredential = deleteCredential;
    }

    /** The brokers and the fields each needs; public, and the same for everyone. */
    Mono<ServerResponse> brokers(ServerRequest request) {
        return listBrokers.get().flatMap(brokers -> ServerResponse.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).bodyValue(brokers));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return listCredentials.apply(caller(request)).flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    Mono<ServerResponse> add(ServerRequest request) {
        return JsonBodies.read(request, AddCredential.class)
                .flatMap(command -> addCredential.apply(authenticated(request, command)))
                .flatMap(view -> ServerResponse.created(URI.create("/api/v1/vault/credentials/" + view.id())).bodyValue(view));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> getCredential.apply(authenticated(request, id)))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> rotate(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> JsonBodies.read(request, RotateCredential.Body.class)
                        .map(body -> new RotateCredential(id, body.secrets())))
                .flatMap(command -> rotateCredential.apply(authenticated(request, command)))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return PathIds.uuid(request, "id")
                .flatMap(id -> deleteCredential.apply(authenticated(request, id)))
                .then(ServerResponse.noContent().build());
    }
}
