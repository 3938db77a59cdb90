package io.knag.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/auth/login", "/api/v1/bots/01J8Z3YV2K6QF4N0W5C7D9E1AB/logs",
            "/.well-known/jwks.json", "/api/v1/openapi.yaml", "/api/v1/x%20y", "/api/v1/caf%C3%A9", "/actuator/health"})
    void pathsInNormalFormPass(String path) {
        assertThat(NormalPaths.problem(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/%61uth/login", "/%61pi/v1/auth/login", "/api/v1/auth/logi%6E", "/api/v1/auth/login%2D",
            "/api/v1/%41uth/login", "/api%2Fv1/auth/login", "/api%2fv1/auth/login", "/api/v1/auth%5Clogin",
            "/api/v1/auth/login%00", "/api/v1/auth/%252e%252e/x", "/api/v1/auth%3Bx/login", "/api/v1/%2e%2e/users/me",
            "/api/v1/%2E/auth/login", "/api/v1//auth/login", "//api/v1/auth/login", "/api/v1/auth/login//",
            "/api/v1/auth/./login", "/api/v1/users/../auth/login", "/api/v1/auth/..", "/api/v1/auth;x=1/login",
            "/api/v1/auth/login;", "/api/v1\\auth/login", "/api/v1/auth/%", "/api/v1/auth/%4", "/api/v1/auth/%zz",
            "api/v1/auth/login", ""})
    void everyOtherFormOfAPathIsRefused(String path) {
        assertThat(NormalPaths.problem(path)).as(path).isNotNull();
    }
}
