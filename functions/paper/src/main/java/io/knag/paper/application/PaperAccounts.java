package io.knag.paper.application;

import io.knag.kernel.Ids;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.paper.domain.Balance;
import io.knag.paper.domain.Markets;
import io.knag.paper.domain.PaperAccount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Paper accounts of platform users: made with starting balances and a key shown once, listed, deleted. */
public final class PaperAccounts {

    private static final Logger log = LoggerFactory.getLogger(PaperAccounts.class);

    private final PaperStore store;
    private final ApiKeys keys;
    private final Markets markets;
    private final int maxAccounts;
    private final Clock clock;

    public PaperAccounts(PaperStore store, ApiKeys keys, Markets markets, int maxAccounts, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.markets = markets;
        this.maxAccounts = maxAccounts;
        this.clock = clock;
    }

    public Mono<NewPaperAccount> create(Authenticated<CreatePaperAccount> command) {
        UUID owner = command.caller().userId().value();
        CreatePaperAccount request = command.request();
        return Mono.fromRunnable(() -> checkAssets(request))
                .then(store.countAccounts(owner))
                .flatMap(count -> count >= maxAccounts ? Mono.error(limitReached()) : Mono.just(count))
                .flatMap(count -> insert(owner, request))
                .doOnNext(created -> log.info("paper account {} made for {}", created.id(), owner));
    }

    public Mono<List<PaperAccountView>> list(UserId owner) {
        return store.accounts(owner.value()).concatMap(this::view).collectList();
    }

    public Mono<PaperAccountView> get(Authenticated<UUID> command) {
        return store.account(command.caller().userId().value(), command.request())
                .switchIfEmpty(Mono.error(PaperAccounts::notFound))
                .flatMap(this::view);
    }

    public Mono<Void> delete(Authenticated<DeletePaperAccount> command) {
        UUID id = command.request().id();
        return store.deleteAccount(command.caller().userId().value(), id)
                .flatMap(existed -> existed ? Mono.<Void>empty() : Mono.error(PaperAccounts::notFound))
                .doOnSuccess(done -> log.info("paper account {} deleted", id));
    }

    /** Everything of a deleted user. */
    public Mono<Void> erase(UserId owner) {
        return store.deleteAccounts(owner.value()).doOnSuccess(done -> log.info("paper accounts of deleted user {} erased", owner));
    }

    private Mono<NewPaperAccount> insert(UUID owner, CreatePaperAccount request) {
        UUID id = Ids.newId(clock);
        String apiKey = ApiKeys.newKey();
        String apiSecret = ApiKeys.newKey();
        var account = new PaperAccount(id, owner, request.label(), apiKey, keys.seal(id, apiSecret), request.granted(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<Balance> balances = request.amounts().entrySet().stream()
                .map(entry -> new Balance(entry.getKey(), entry.getValue(), BigDecimal.ZERO)).toList();
        return store.insertAccount(account, balances)
                .thenReturn(NewPaperAccount.of(PaperAccountView.of(account, balances), apiSecret));
    }

    private void checkAssets(CreatePaperAccount request) {
        for (String asset : request.assets()) {
            if (!markets.assets().contains(asset)) {
                throw new KnagException(PaperProblems.UNKNOWN_ASSET,
                        "The paper exchange lists " + String.join(", ", markets.assets()) + "; not " + asset);
            }
        }
    }

    private Mono<PaperAccountView> view(PaperAccount account) {
        return store.balances(account.id()).collectList().map(balances -> PaperAccountView.of(account, balances));
    }

    private KnagException limitReached() {
        return new KnagException(PaperProblems.ACCOUNT_LIMIT,
                "You may have at most " + maxAccounts + " paper accounts; delete one first");
    }

    private static KnagException notFound() {
        return new KnagException(ProblemType.NOT_FOUND, "No such paper account");
    }
}
