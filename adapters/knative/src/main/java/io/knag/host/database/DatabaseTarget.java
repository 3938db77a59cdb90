package io.knag.host.database;

import io.r2dbc.spi.ConnectionFactory;

/** Where the host's database is: JDBC for migrations, R2DBC for everything else. */
record DatabaseTarget(String jdbcUrl, String username, String password, ConnectionFactory connections) {

    @Override
    public String toString() {
        return "DatabaseTarget[" + jdbcUrl + "]";
    }
}
