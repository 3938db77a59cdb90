package io.knag.identity.internal;

import io.knag.kernel.crypto.Argon2Parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class Argon2idPasswordHasherTest {

    final Argon2idPasswordHasher hasher =
            new Argon2idPasswordHasher(new Argon2Parameters(1024, 2, 1), new io.knag.kernel.crypto.BoundedWork(2, 8, Duration.ofSeconds(5)));

    @Test
    void hashesToAPhcStringThatVerifies() {
        String hash = hasher.hash("correct horse").block();
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse", hash).block()).isTrue();
        assertThat(hasher.verify("correct horsf", hash).block()).isFalse();
        assertThat(hasher.hash("correct horse").block()).isNotEqualTo(hash);
    }

    @Test
    void matchesTheReferenceImplementation() {
        // `echo -n password | argon2 somesaltsomesalt -id -t 2 -m 10 -p 1 -l 32 -e` (the reference argon2 CLI)
        String reference = "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA";
        assertThat(hasher.verify("password", reference).block()).isTrue();
        assertThat(hasher.verify("passwore", reference).block()).isFalse();
    }

    @Test
    void verifiesHashesMadeWithOtherParametersAndAsksForARehash() {
        var weaker = new Argon2idPasswordHasher(new Argon2Parameters(512, 1, 1), new io.knag.kernel.crypto.BoundedWork(1, 1, Duration.ofSeconds(5)));
        String old = weaker.hash("correct horse").block();
        assertThat(hasher.verify("correct horse", old).block()).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("x").block())).isFalse();
    }

    @Test
    void malformedOrAbsurdHashesNeverVerify() {
        for (String bad : List.of("", "plain", "$argon2i$v=19$m=1024,t=2,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=1024,t=2,p=1$!!$!!",
                "$argon2id$v=19$x=1$c2FsdA$aGFzaA")) {
            assertThat(hasher.verify("password", bad).block()).as(bad).isFalse();
        }
    }

    @Test
    void theDummyHashCostsTheSameAndMatchesNothing() {
        assertThat(hasher.dummyHash()).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
        assertThat(hasher.verify("", hasher.dummyHash()).block()).isFalse();
    }

    @Test
    void aFloodBeyondTheQueueIsRefusedWithServiceBusy() {
        var tiny = new Argon2idPasswordHasher(new Argon2Parameters(65536, 4, 1), new io.knag.kernel.crypto.BoundedWork(1, 1, Duration.ofSeconds(30)));
        List<Mono<Object>> flood = IntStream.range(0, 6)
                .mapToObj(i -> tiny.hash("password " + i).map(h -> (Object) h)
                        .onErrorResume(KnagException.class, e -> Mono.just(e)))
                .toList();
        List<Object> outcomes = Flux.merge(flood).collectList().block();
        assertThat(outcomes).filteredOn(String.class::isInstance).hasSizeBetween(1, 2);
        assertThat(outcomes).filteredOn(KnagException.class::isInstance)
                .allSatisfy(e -> {
                    assertThat(((KnagException) e).type()).isEqualTo(ProblemType.SERVICE_BUSY);
                    assertThat(((KnagException) e).retryAfter()).isPresent();
                })
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void refusesOutOfRangeParameters() {
        assertThatThrownBy(() -> new Argon2Parameters(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
