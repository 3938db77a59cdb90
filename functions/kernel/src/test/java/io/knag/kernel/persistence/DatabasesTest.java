package io.knag.kernel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.knag.kernel.testing.TestDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Database URLs reach the PostgreSQL driver directly; anything else is refused without echoing the URL. */
class DatabasesTest {

    @Test
    void postgresqlUrlsWithOrWithoutThePoolPrefixReachTheSameDatabase() {
        TestDatabase database = TestDatabase.create();
        String plain = database.r2dbcUrl();
        for (String url : new String[] {plain, plain.replace("r2dbc:postgresql:", "r2dbc:pool:postgresql:")}) {
            ConnectionFactory connections = Databases.connect(url, null, null);
            assertThat(connections).isInstanceOf(PostgresqlConnectionFactory.class);
            Integer answer = Mono.usingWhen(connections.create(),
                            connection -> Flux.from(connection.createStatement("SELECT 41 + 1").execute())
                                    .flatMap(result -> result.map((row, meta) -> row.get(0, Integer.class))).next(),
                            Connection::close)
                    .block(Duration.ofSeconds(10));
            assertThat(answer).isEqualTo(42);
        }
    }

    @Test
    void otherDatabasesAreRefusedWithoutTheirCredentialsInTheMessage() {
        for (String url : new String[] {"r2dbc:mysql://knag:s3cret-pw@db:3306/knag", "r2dbc:h2:mem:///knag?password=s3cret-pw", "postgresql://knag:s3cret-pw@db:5432/knag"}) {
            assertThatThrownBy(() -> Databases.connect(url, "knag", "s3cret-pw"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("r2dbc:postgresql://")
                    .hasMessageNotContaining("s3cret-pw");
        }
    }
}
