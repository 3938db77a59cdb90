package io.knag.bots.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.bots.BotLogsQuery;
import io.knag.bots.CreateBot;
import io.knag.bots.StartBot;
import io.knag.kernel.KnagException;
import io.knag.kernel.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DefinitionRulesTest {

    final ImageAllowlist allowlist = new ImageAllowlist(List.of("knag/heartbeat-bot", "ghcr.io/community/"));

    @Test
    void anAllowlistEntryAdmitsItsRepositoryAtAnyTagButNotALookAlike() {
        assertThat(allowlist.allows("knag/heartbeat-bot")).isTrue();
        assertThat(allowlist.allows("knag/heartbeat-bot:1.2")).isTrue();
        assertThat(allowlist.allows("knag/heartbeat-bot@sha256:" + "a".repeat(64))).isTrue();
        assertThat(allowlist.allows("ghcr.io/community/grid-bot:2")).isTrue();
        assertThat(allowlist.allows("knag/heartbeat-bot-evil")).isFalse();
        assertThat(allowlist.allows("evil.io/knag/heartbeat-bot")).isFalse();
        assertThat(allowlist.allows("ghcr.io/community-evil/bot")).isFalse();
        assertThatThrownBy(() -> allowlist.check("docker.io/library/alpine"))
                .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(BotProblems.IMAGE_NOT_ALLOWED));
    }

    @Test
    void malformedImageReferencesAreRefusedBeforeTheAllowlist() {
        for (String image : List.of("KNAG/Bot", "knag/bot:", "knag//bot", "../etc/passwd", "knag/bot latest", "-x", "")) {
            assertThat(ImageAllowlist.isWellFormed(image)).as(image).isFalse();
        }
        assertThat(ImageAllowlist.isWellFormed("localhost:5000/team/bot:v1.0")).isTrue();
    }

    @Test
    void resourcesAreWrittenAsKubernetesWritesThemAndBounded() {
        assertThat(new Resources("0.5", "1Gi")).isEqualTo(new Resources("500m", "1024Mi"));
        assertThat(new Resources("250m", "256Mi").cpuMillis()).isEqualTo(250);
        assertThat(new Resources(null, null)).isEqualTo(Resources.DEFAULT);
        for (String[] bad : new String[][] {{"5", "1Gi"}, {"1m", "1Gi"}, {"abc", "1Gi"}, {"1", "9Gi"}, {"1", "8Mi"},
                {"1", "1G"}, {"-1", "1Gi"}}) {
            assertThatThrownBy(() -> new Resources(bad[0], bad[1])).as(String.join(",", bad))
                    .isInstanceOfSatisfying(KnagException.class,
                            e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
        }
    }

    @Test
    void restartPolicyDecidesWhetherAnExitIsRestarted() {
        RestartPolicy onFailure = new RestartPolicy("on-failure", 2);
        assertThat(onFailure.restarts(1, 0)).isTrue();
        assertThat(onFailure.restarts(1, 2)).isFalse();
        assertThat(onFailure.restarts(0, 0)).isFalse();
        assertThat(new RestartPolicy("always", 3).restarts(0, 1)).isTrue();
        assertThat(new RestartPolicy("never", 7).restarts(1, 0)).isFalse();
        assertThat(new RestartPolicy("never", 7).maxRestarts()).isZero();
        assertThatThrownBy(() -> new RestartPolicy("sometimes", 1)).isInstanceOf(KnagException.class);
        assertThatThrownBy(() -> new RestartPolicy("always", 101)).isInstanceOf(KnagException.class);
    }

    @Test
    void paramsAreCanonicalJsonAndLimitedInSizeAndDepth() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("symbol", "BTC/USD \"spot\"");
        params.put("levels", List.of(1, 2.5, true));
        params.put("nothing", null);
        assertThat(BotParams.of(params).json())
                .isEqualTo("{\"symbol\":\"BTC/USD \\\"spot\\\"\",\"levels\":[1,2.5,true],\"nothing\":null}");
        assertThat(BotParams.of(null).json()).isEqualTo("{}");
        assertThatThrownBy(() -> BotParams.of(Map.of("blob", "x".repeat(BotParams.MAX_BYTES))))
                .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(BotProblems.PARAMS_TOO_LARGE));
        for (Object bad : List.of(Double.POSITIVE_INFINITY, Double.NaN, "nul\u0000inside", "lone \uD800",
                List.of("\uDFFF"))) {
            assertThatThrownBy(() -> BotParams.of(Map.of("x", bad))).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
        }
        assertThatThrownBy(() -> BotParams.of(Map.of("key\uD800", 1)))
                .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
        Object deep = "leaf";
        for (int i = 0; i < 10; i++) {
            deep = Map.of("k", deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> BotParams.of(Map.of("deep", tooDeep)))
                .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.type()).isEqualTo(BotProblems.PARAMS_TOO_LARGE));
    }

    @Test
    void aDefinitionNamesEveryMissingFieldAtOnce() {
        assertThatThrownBy(() -> new CreateBot(" ", null, null, null, null, null, null))
                .isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.violations())
                        .extracting(KnagException.Violation::field).containsExactlyInAnyOrder("name", "image", "credentialId"));
        assertThatThrownBy(() -> new CreateBot("grid\u202Egnp.exe", "knag/heartbeat-bot:1", UUID.randomUUID(), null, null,
                null, null)).isInstanceOfSatisfying(KnagException.class, e -> assertThat(e.violations())
                        .extracting(KnagException.Violation::field).containsExactly("name"));
        var ok = new CreateBot(" grid ", "knag/heartbeat-bot:1", UUID.randomUUID(), null, null, null, null);
        assertThat(ok.definition().name()).isEqualTo("grid");
        assertThat(ok.definition().restartPolicy()).isEqualTo(RestartPolicy.DEFAULT);
    }

    @Test
    void startCommandsHideThePassword() {
        assertThat(new StartBot(UUID.randomUUID(), "hunter2hunter2").toString()).doesNotContain("hunter2");
        assertThat(new StartBot.Body("hunter2hunter2").toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> new BotLogsQuery(UUID.randomUUID(), 0)).isInstanceOf(KnagException.class);
        assertThatThrownBy(() -> new BotLogsQuery(UUID.randomUUID(), 1001)).isInstanceOf(KnagException.class);
    }
}
