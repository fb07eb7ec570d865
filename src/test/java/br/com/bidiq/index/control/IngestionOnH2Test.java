package br.com.bidiq.index.control;

/** {@link IngestionTest} on the embedded H2 index, the zero-configuration database: runs in {@code mvn test}. */
class IngestionOnH2Test extends IngestionTest {
    IngestionOnH2Test() {
        super("h2");
    }
}
