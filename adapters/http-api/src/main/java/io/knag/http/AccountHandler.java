package io.knag.http;

import static io.knag.http.BearerAuthentication.authenticated;
import static io.knag.http.BearerAuthentication.caller;

import io.knag.identity.AccountView;
import io.knag.identity.ChangePassword;
import io.knag.identity.DeleteAccount;
import io.knag.identity.UpdateAccount;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The caller's own account (docs/api/identity.md): read, rename, change the password, delete. */
final class AccountHandler {

    private final Function<Caller, Mono<AccountView>> me;
    private final Function<Authenticated<UpdateAccount>, Mono<AccountView>> updateMe;
    private final Function<Authenticated<DeleteAccount>, Mono<Void>> deleteMe;
    private final Function<Authenticated<ChangePassword>, Mono<Void>> changePassword;

    AccountHandler(Function<Caller, Mono<AccountView>> me, Function<Authenticated<UpdateAccount>, Mono<AccountView>> updateMe,
                   Function<Authenticated<DeleteAccount>, Mono<Void>> deleteMe,
                   Function<Authenticated<ChangePassword>, Mono<Void>> changePassword) {
        this.me = me;
        this.updateMe = updateMe;
        this.deleteMe = deleteMe;
        this.changePassword = changePassword;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return me.apply(caller(request)).flatMap(account -> ServerResponse.ok().bodyValue(account));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return JsonBodies.read(request, UpdateAccount.class)
                .flatMap(command -> updateMe.apply(authenticated(request, command)))
                .flatMap(account -> ServerResponse.ok().bodyValue(account));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return JsonBodies.read(request, DeleteAccount.class)
                .flatMap(command -> deleteMe.apply(authenticated(request, command)))
                .then(ServerResponse.noContent().build());
    }

    Mono<ServerResponse> changePassword(ServerRequest request) {
        return JsonBodies.read(request, ChangePassword.class)
                .flatMap(command -> changePassword.apply(authenticated(request, command)))
                .then(ServerResponse.noContent().build());
    }
}
