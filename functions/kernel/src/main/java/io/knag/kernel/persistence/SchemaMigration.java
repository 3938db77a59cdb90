package io.knag.kernel.persistence;

/**
 * The Flyway migrations of one capability: they live in {@code location} on the classpath and own the
 * PostgreSQL {@code schema} (its history table is kept there too), so capabilities migrate independently.
 */
public record SchemaMigration(String schema, String location) {

    public SchemaMigration {
        if (schema == null || !schema.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("schema must be a plain lower-case identifier");
        }
    }
}
