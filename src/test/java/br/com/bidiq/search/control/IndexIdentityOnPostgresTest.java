package br.com.bidiq.search.control;

import org.junit.jupiter.api.Tag;

/** {@link IndexIdentityTest} on PostgreSQL (127.0.0.1:5432): needs the server, so failsafe runs it with the other services. */
@Tag("postgres")
class IndexIdentityOnPostgresTest extends IndexIdentityTest {
    IndexIdentityOnPostgresTest() {
        super("postgresql");
    }
}
