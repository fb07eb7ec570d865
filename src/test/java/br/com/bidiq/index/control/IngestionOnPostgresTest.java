package br.com.bidiq.index.control;

import org.junit.jupiter.api.Tag;

/** {@link IngestionTest} on PostgreSQL (127.0.0.1:5432): needs the server, so failsafe runs it with the other services. */
@Tag("postgres")
class IngestionOnPostgresTest extends IngestionTest {
    IngestionOnPostgresTest() {
        super("postgresql");
    }
}
