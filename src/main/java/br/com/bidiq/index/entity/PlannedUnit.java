package br.com.bidiq.index.entity;

import br.com.bidiq.pncp.entity.PncpEndpoint;
import java.time.LocalDate;

/** A unit a run has decided to fetch, before it has a row. */
public record PlannedUnit(
        PncpEndpoint endpoint, String uf, int modalidade, LocalDate dataInicial, LocalDate dataFinal) {}
