package br.com.bidiq.search.control;

/** {@link IndexIdentityTest} on the embedded H2 index, the zero-configuration database: runs in {@code mvn test}. */
class IndexIdentityOnH2Test extends IndexIdentityTest {
    IndexIdentityOnH2Test() {
        super("h2");
    }
}
