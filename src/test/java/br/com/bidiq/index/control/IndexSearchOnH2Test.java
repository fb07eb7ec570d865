package br.com.bidiq.index.control;

/** {@link IndexSearchTest} on the embedded H2 index, the zero-configuration database: runs in {@code mvn test}. */
class IndexSearchOnH2Test extends IndexSearchTest {
    IndexSearchOnH2Test() {
        super("h2");
    }
}
