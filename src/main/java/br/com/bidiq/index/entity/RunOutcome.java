package br.com.bidiq.index.entity;

/** How an ingestion run ended. */
public enum RunOutcome {
    /** Every unit fetched. */
    SUCCEEDED,
    /** Some units failed; they are retried on the next run. */
    PARTIAL,
    /** Stopped before the end (shutdown or lost lease); the next run continues it. */
    INTERRUPTED,
    /** Could not run at all (database or planning error). */
    FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
