package io.knag.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void anR2dbcUrlBecomesTheJdbcUrlOfTheSameDatabaseWithoutItsUserAndWithItsTlsMode() {
        assertThat(DatabaseUrls.jdbc("r2dbc:postgresql://127.0.0.1:5432/knag")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/knag");
        assertThat(DatabaseUrls.jdbc("r2dbc:pool:postgres://knag@db.example.org:5432/knag?sslMode=require"))
                .isEqualTo("jdbc:postgresql://db.example.org:5432/knag?sslmode=require");
        assertThat(DatabaseUrls.jdbc("r2dbcs:postgresql://db:5432/knag")).isEqualTo("jdbc:postgresql://db:5432/knag");
    }
}
