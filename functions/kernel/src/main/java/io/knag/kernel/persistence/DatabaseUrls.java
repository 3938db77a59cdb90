package io.knag.kernel.persistence;

/** The JDBC form of an {@code r2dbc:postgresql://[user@]host:port/db} URL, for migrations over JDBC. */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    public static String jdbc(String r2dbcUrl) {
        String rest = r2dbcUrl.replaceFirst("^r2dbcs?:(pool:)?postgres(ql)?://", "");
        int at = rest.indexOf('@');
        // r2dbc-postgresql spells the TLS option sslMode, the JDBC driver sslmode.
        return "jdbc:postgresql://" + (at >= 0 ? rest.substring(at + 1) : rest).replace("sslMode=", "sslmode=");
    }
}
