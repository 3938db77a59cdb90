package io.knag.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.knag.identity.DeleteAccount;
import io.knag.identity.Register;
import io.knag.identity.Registered;
import io.knag.kernel.UserId;
import io.knag.kernel.auth.Authenticated;
import io.knag.kernel.auth.Caller;
import io.knag.vault.AddCredential;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleted user's vault goes with them, key and credentials, once however often the event comes. */
class UserDeletedConsumerTest {

    static final String PASSWORD = "alice's long passphrase";

    final VaultFixture vault = new VaultFixture();
    final Registered alice = vault.identity.accounts.register(new Register("alice@example.com", PASSWORD, "Alice")).block();
    final Caller aliceCaller = new Caller(new UserId(alice.id()), "t1", Instant.now().plusSeconds(600));

    @Test
    void deletingTheAccountErasesTheVault() {
        vault.identity.accounts.register(new Register("bob@example.com", "bob's long passphrase", "Bob")).block();
        vault.credentials.add(new Authenticated<>(aliceCaller, new AddCredential("binance", "main",
                Map.of("apiKey", "K", "apiSecret", "S")))).block();
        vault.identity.accounts.delete(new Authenticated<>(aliceCaller, new DeleteAccount(PASSWORD))).block();
        var event = vault.identity.events.get(0);
        new UserDeletedConsumer(vault.credentials).consume(event).block();
        new UserDeletedConsumer(vault.credentials).consume(event).block();
        assertThat(vault.database.query("SELECT count(*) FROM vault.credentials WHERE user_id = ?", alice.id())
                .get(0).get(0)).isEqualTo("0");
        assertThat(vault.database.query("SELECT count(*) FROM vault.keys WHERE user_id = ?", alice.id())
                .get(0).get(0)).isEqualTo("0");
        assertThat(vault.database.query("SELECT count(*) FROM vault.keys").get(0).get(0)).as("bob's stays").isEqualTo("1");
    }
}
