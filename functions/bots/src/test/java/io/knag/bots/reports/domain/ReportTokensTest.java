package io.knag.bots.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportTokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final ReportTokens tokens = new ReportTokens(new byte[32]);
    final ReportGrant grant = new ReportGrant(UUID.randomUUID(), 3, NOW.plusSeconds(3600));

    @Test
    void aTokenGivesBackItsGrantUntilItExpires() {
        String token = tokens.issue(grant);
        assertThat(tokens.read(token, NOW)).contains(grant);
        assertThat(tokens.read(token, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyOrAlteredOrMalformedGivesNothing() {
        String token = tokens.issue(grant);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new ReportTokens(otherKey).read(token, NOW)).isEmpty();
        String[] parts = token.split("\\.");
        String otherGrant = tokens.issue(new ReportGrant(grant.botId(), 4, grant.expiresAt())).split("\\.")[1];
        assertThat(tokens.read(parts[0] + "." + otherGrant + "." + parts[2], NOW)).as("another launch, same MAC").isEmpty();
        for (String bad : new String[] {null, "", "kr1.", "kr1.a.b.c", "kr2." + parts[1] + "." + parts[2], "kr1.%%%.$$$",
                token + "A", "x".repeat(300)}) {
            assertThat(tokens.read(bad, NOW)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aShortKeyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportTokens(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
