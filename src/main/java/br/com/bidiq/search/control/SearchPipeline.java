package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.RecordFilter;
import br.com.bidiq.filtering.control.ResultOrdering;
import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.control.StatusInference;
import br.com.bidiq.filtering.entity.FilterCriteria;
import br.com.bidiq.filtering.entity.FilterOutcome;
import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.filtering.entity.Sector;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.entity.FetchProgress;
import br.com.bidiq.pncp.entity.FetchQuery;
import br.com.bidiq.pncp.entity.FetchResult;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.report.control.SummaryWriter;
import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.search.entity.Licitacao;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.ReportFileNames;
import br.com.bidiq.storage.control.ReportStorage;
import br.com.bidiq.storage.entity.StoredReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One search, start to end: fetch from PNCP, filter, order, summarise, write and store the Excel report, reporting
 * progress with the stages and percentages of the reference system. It never emits the terminal event: the worker
 * does, exactly once.
 */
@ApplicationScoped
public class SearchPipeline {

    private static final Logger LOG = RequestIds.logger(SearchPipeline.class);
    static final int MAX_FETCH_EVENTS = 2000;

    @Inject
    PncpFetcher fetcher;

    @Inject
    ReportStorage storage;

    Clock clock = Clock.systemUTC();

    public SearchResult run(String searchId, SearchRequest request, Consumer<ProgressEvent> progress)
            throws IOException {
        SectorCatalog catalog = SectorCatalog.standard();
        Sector sector = catalog.find(request.sector()).orElseThrow();
        List<String> ufs = request.ufList();
        emit(progress, "connecting", 3, "Iniciando busca...", Map.of());
        emit(progress, "connecting", 8, "Setor '" + sector.name() + "' configurado, conectando ao PNCP...", Map.of());
        FetchQuery query = new FetchQuery(ufs, request.modalidadeList(), request.inicio(), request.fim());
        int units = fetcher.plan(query).size();
        emit(progress, "fetching", 10, "Iniciando busca em " + ufs.size() + " estados...",
                Map.of("uf_total", ufs.size(), "unidades_total", units));

        long started = System.nanoTime();
        // One event per finished unit, except for huge searches: at most MAX_FETCH_EVENTS keep the log bounded.
        int every = (units + MAX_FETCH_EVENTS - 1) / MAX_FETCH_EVENTS;
        FetchResult fetched = fetcher.fetch(query, p -> {
            if (p.unitsDone() % every == 0 || p.unitsDone() == p.unitsTotal()) {
                emit(progress, "fetching", 10 + (int) (45L * p.unitsDone() / p.unitsTotal()),
                        "Buscando dados: " + p.ufsDone() + "/" + p.ufsTotal() + " estados", fetchDetail(p));
            }
        });
        int raw = fetched.records().size();
        LOG.info(() -> String.format("Fetched %d raw bids in %.1fs (%d requests, %d failed units)", raw,
                (System.nanoTime() - started) / 1e9, fetched.requests(), fetched.failedUnits().size()));
        emit(progress, "fetching", 55, "Busca concluída: " + raw + " licitações encontradas",
                Map.of("total_raw", raw, "unidades_com_falha", fetched.failedUnits().size()));

        emit(progress, "filtering", 60, "Aplicando filtros em " + raw + " licitações...", Map.of());
        StatusInference inference = new StatusInference(clock);
        FilterOutcome outcome = new RecordFilter(catalog, inference).apply(fetched.records(), criteria(request,
                sector));
        List<Accepted> ordered = ResultOrdering.sort(outcome.accepted(), request.ordering());
        LocalDateTime now = inference.now();
        List<Licitacao> items = ordered.stream().map(a -> Licitacao.of(a, now.toLocalDate())).toList();
        LOG.info(() -> "Filtering complete: " + items.size() + "/" + raw + " bids passed " + outcome.stats());
        emit(progress, "filtering", 70, "Filtragem concluída: " + items.size() + " resultados",
                Map.of("total_filtered", items.size()));

        // As in the reference system, an empty result goes from filtering straight to complete.
        if (!items.isEmpty()) {
            emit(progress, "summary", 75, "Gerando resumo executivo...", Map.of());
        }
        Resumo resumo = SummaryWriter.summarize(items, sector.name(), now, fetched.failedUnits().size());

        StoredReport stored = null;
        String base64 = null;
        boolean excel = false;
        if (!items.isEmpty()) {
            emit(progress, "excel", 92, "Gerando planilha Excel...", Map.of("linhas", items.size()));
            ReportParameters params = new ReportParameters(sector.name(), ufs, request.inicio(), request.fim(),
                    request.statusFilter().wire(), request.modalidadeList(), request.valorMinimo(),
                    request.valorMaximo(), request.termosBusca(), request.ordering().wire(), raw,
                    fetched.failedUnits().size(), now);
            Path file = Files.createTempFile("bidiq-", ".xlsx");
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    ExcelReportWriter.write(items, params, out);
                }
                excel = true;
                try {
                    stored = storage.store(searchId, file, fileName(sector, request));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Storage upload failed, falling back to base64 encoding: " + e);
                    base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Excel generation failed; the result is returned without a report", e);
            } finally {
                Files.deleteIfExists(file);
            }
        } else {
            LOG.info("No bids passed filters — skipping Excel generation");
        }
        var terms = outcome.terms();
        return new SearchResult(resumo, items, raw, items.size(), outcome.stats(), fetched.failedUnits(),
                fetched.requests(), stored == null ? null : stored.downloadId(),
                stored == null ? null : stored.downloadUrl(), base64, excel,
                terms == null ? null : terms.valid(), terms == null ? null : terms.stopwordsRemoved(),
                terms == null ? null : terms.reasons(), terms == null ? null : outcome.hiddenByMinMatch(),
                terms == null ? null : outcome.relaxed(), clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static FilterCriteria criteria(SearchRequest r, Sector sector) {
        return new FilterCriteria(new HashSet<>(r.ufList()), r.statusFilter(), upper(r.esferas()),
                new HashSet<>(r.modalidadeList()), r.municipios() == null ? Set.of() : new HashSet<>(r.municipios()),
                r.orgaos() == null ? List.of() : r.orgaos(), r.valorMinimo(), r.valorMaximo(), sector,
                r.termosBusca(), r.exclusionTerms(), r.showAll());
    }

    private static Set<String> upper(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values.stream().map(String::toUpperCase).toList());
    }

    static String fileName(Sector sector, SearchRequest r) {
        return "BidIQ_" + ReportFileNames.ascii(sector.name()) + "_" + r.inicio() + "_a_" + r.fim() + ".xlsx";
    }

    private static Map<String, Object> fetchDetail(FetchProgress p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("uf", p.unit().uf());
        d.put("modalidade", p.unit().modalidade());
        d.put("uf_index", p.ufsDone());
        d.put("uf_total", p.ufsTotal());
        d.put("unidades_concluidas", p.unitsDone());
        d.put("unidades_total", p.unitsTotal());
        d.put("items_found", p.recordsFound());
        d.put("unidade_falhou", p.unitFailed());
        return d;
    }

    private static void emit(Consumer<ProgressEvent> progress, String stage, int percent, String message,
                             Map<String, Object> detail) {
        progress.accept(new ProgressEvent(0, stage, percent, message, detail));
    }
}
