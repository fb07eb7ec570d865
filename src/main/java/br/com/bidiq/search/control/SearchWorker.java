package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.InvalidTermsException;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs searches in the background. Whatever happens inside, each search ends with exactly one terminal event:
 * {@code complete} after its result is stored, {@code error} with a message for the user (also when PNCP could not
 * be read at all), or {@code cancelled} when the user cancelled it.
 */
@Stateless
public class SearchWorker {

    private static final Logger LOG = RequestIds.logger(SearchWorker.class);

    @Inject
    SearchPipeline pipeline;

    @Inject
    SearchRegistry registry;

    @Inject
    ProgressBus bus;

    @Inject
    SearchCancellations cancellations;

    @Inject
    SearchAdmission admission;

    @Asynchronous
    public void run(String searchId, SearchRequest request, String requestId) {
        RequestIds.with(requestId, () -> execute(searchId, request));
    }

    private void execute(String searchId, SearchRequest request) {
        ProgressEvent terminal;
        try {
            if (cancellations.of(searchId).cancelled()) {
                throw new SearchCancelledException();
            }
            SearchResult result =
                    pipeline.run(searchId, request, e -> publish(searchId, e), cancellations.of(searchId));
            registry.completed(searchId, result);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("total_filtrado", result.totalFiltrado());
            detail.put("total_raw", result.totalRaw());
            detail.put("unidades_com_falha", result.unidadesComFalha().size());
            detail.put("incompleta", result.incompleta());
            if (result.downloadId() != null) {
                detail.put("download_id", result.downloadId());
            }
            if (result.downloadUrl() != null) {
                detail.put("download_url", result.downloadUrl());
            }
            detail.put("fonte", result.fonte());
            if (result.dadosAtualizadosEm() != null) {
                detail.put("dados_atualizados_em", result.dadosAtualizadosEm());
            }
            terminal = new ProgressEvent(0, ProgressEvent.COMPLETE, 100, "Busca concluída!", detail);
            LOG.info(() -> "Search " + searchId + " complete: " + result.totalFiltrado() + " results");
        } catch (SearchCancelledException e) {
            LOG.info("Search " + searchId + " cancelled by the user");
            registry.cancelled(searchId, CANCELLED);
            terminal = new ProgressEvent(0, ProgressEvent.CANCELLED, 0, CANCELLED, Map.of("cancelada", true));
        } catch (PncpUnreachableException e) {
            LOG.warning("Search " + searchId + " failed: every PNCP query failed ("
                    + e.failedUnits().size() + " units)");
            registry.failed(searchId, e.getMessage());
            terminal = new ProgressEvent(
                    0,
                    ProgressEvent.ERROR,
                    -1,
                    e.getMessage(),
                    Map.of(
                            "error",
                            e.getMessage(),
                            "motivo",
                            "pncp_indisponivel",
                            "unidades_com_falha",
                            failedUnits(e)));
        } catch (InvalidTermsException e) {
            terminal = failure(searchId, "Nenhum termo válido para busca.");
        } catch (IndexUnavailableException e) {
            LOG.warning("Search " + searchId + " failed: index unavailable ("
                    + e.getCause().getMessage() + ")");
            terminal = failure(searchId, e.getMessage());
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "Search " + searchId + " failed", e);
            terminal = failure(searchId, "Erro interno ao processar a busca. Tente novamente em alguns instantes.");
        }
        cancellations.release(searchId);
        admission.finished(searchId);
        publish(searchId, terminal);
    }

    static final String CANCELLED = "Busca cancelada. Nenhum resultado foi guardado.";

    /** The failed units in the error event, for the page to say which UFs and modalities: at most 100 of them. */
    private static List<Map<String, Object>> failedUnits(PncpUnreachableException e) {
        return e.failedUnits().stream()
                .limit(100)
                .map(f -> Map.<String, Object>of(
                        "uf",
                        f.uf(),
                        "modalidade",
                        f.modalidade(),
                        "data_inicial",
                        f.dataInicial(),
                        "data_final",
                        f.dataFinal(),
                        "motivo",
                        f.motivo()))
                .toList();
    }

    private ProgressEvent failure(String searchId, String message) {
        registry.failed(searchId, message);
        return new ProgressEvent(0, ProgressEvent.ERROR, -1, message, Map.of("error", message));
    }

    private void publish(String searchId, ProgressEvent event) {
        try {
            bus.publish(searchId, event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "progress event lost for " + searchId + ": " + event.stage(), e);
        }
    }
}
