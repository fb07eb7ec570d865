package br.com.bidiq.search.control;

/** Counts in Portuguese messages: "1 estado", "2 estados", "0 licitações". */
final class Plural {

    private Plural() {}

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String estados(long n) {
        return of(n, "estado", "estados");
    }
}
