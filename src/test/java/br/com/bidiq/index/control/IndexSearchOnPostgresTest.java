package br.com.bidiq.index.control;

import org.junit.jupiter.api.Tag;

/** {@link IndexSearchTest} on PostgreSQL (127.0.0.1:5432): needs the server, so failsafe runs it with the other services. */
@Tag("postgres")
class IndexSearchOnPostgresTest extends IndexSearchTest {
    IndexSearchOnPostgresTest() {
        super("postgresql");
    }
}
