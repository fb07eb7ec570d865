package br.com.bidiq.pncp.control;

import br.com.bidiq.pncp.entity.FetchProgress;

/** Told once per finished unit, never concurrently. */
@FunctionalInterface
public interface FetchListener {

    FetchListener NONE = progress -> {};

    void unitFinished(FetchProgress progress);
}
