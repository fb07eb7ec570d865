package br.com.bidiq.search.control;

import br.com.bidiq.filtering.control.RecordFilter;
import br.com.bidiq.filtering.control.ResultOrdering;
import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.filtering.control.StatusInference;
import br.com.bidiq.filtering.entity.FilterCriteria;
import br.com.bidiq.filtering.entity.FilterOutcome;
import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.filtering.entity.Sector;
import br.com.bidiq.index.control.IndexFeed;
import br.com.bidiq.index.control.IndexSearch;
import br.com.bidiq.platform.Cancellation;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.control.PncpFetcher;
import br.com.bidiq.pncp.entity.Modalidade;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.report.control.LicitacaoMapping;
import br.com.bidiq.report.control.SummaryWriter;
import br.com.bidiq.report.entity.Licitacao;
import br.com.bidiq.report.entity.ReportParameters;
import br.com.bidiq.report.entity.Resumo;
import br.com.bidiq.report.entity.SearchSubject;
import br.com.bidiq.search.entity.Fonte;
import br.com.bidiq.search.entity.SearchQuery;
import br.com.bidiq.search.entity.SearchRequest;
import br.com.bidiq.search.entity.SearchResult;
import br.com.bidiq.storage.control.ReportFileNames;
import br.com.bidiq.storage.control.ReportStorage;
import br.com.bidiq.storage.entity.StoredReport;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One search, start to end: choose where its notices come from (the local index, or PNCP live), stream them through
 * the filters, order, summarise, write and store the Excel report, reporting progress with the stages and
 * percentages of the reference system. It never emits the terminal event: the worker does, exactly once.
 */
@ApplicationScoped
public class SearchPipeline {

    private static final Logger LOG = RequestIds.logger(SearchPipeline.class);
    private static final int MAX_FILE_STEM = 60;
    private static final DateTimeFormatter BR_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    PncpFetcher fetcher;

    @Inject
    IndexSearch index;

    @Inject
    IndexFeed feed;

    @Inject
    ReportStorage storage;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    public SearchResult run(String searchId, SearchRequest request, Consumer<ProgressEvent> events) throws IOException {
        return run(searchId, request, events, Cancellation.NEVER);
    }

    /**
     * @throws SearchCancelledException when {@code cancellation} fires before the result is ready
     * @throws PncpUnreachableException when a live search could read nothing at all from PNCP
     */
    public SearchResult run(
            String searchId, SearchRequest request, Consumer<ProgressEvent> events, Cancellation cancellation)
            throws IOException {
        SearchQuery query = request.query();
        Progress progress = new Progress(events);
        SectorCatalog catalog = SectorCatalog.standard();
        Sector sector = catalog.find(query.sectorId()).orElseThrow();
        progress.emit("connecting", 3, "Iniciando busca...", Map.of());
        StatusInference inference = new StatusInference(clock);
        RecordFilter filter = new RecordFilter(catalog, inference);
        FilterCriteria criteria = criteria(query, sector);
        RecordFilter.Sieve sieve = filter.sieve(criteria);
        SearchSubject subject = subject(sector, sieve, query);
        String configured =
                sieve.terms() == null ? "Setor '" + sector.name() + "' configurado" : "Termos de busca configurados";
        SourceChoice choice = SourceChoice.of(query, index);
        Fed fed;
        if (choice.fonte() == Fonte.INDICE) {
            progress.emit("connecting", 8, configured + ", consultando o índice local...", Map.of());
            try {
                fed = new IndexSource(index).feed(query, sieve, progress, choice.coverage(), inference.now());
            } catch (SQLException e) {
                if (query.source() != Fonte.AUTO || query.openOnly()) {
                    throw new IndexUnavailableException(
                            "O índice local deixou de responder durante a busca. Tente"
                                    + " novamente em alguns instantes.",
                            e);
                }
                LOG.info("Index failed during the search, searching PNCP live: " + e.getMessage());
                choice = new SourceChoice(Fonte.PNCP, null, "índice local indisponível", false);
                sieve = filter.sieve(criteria);
                fed = live().feed(query, sieve, progress, false, cancellation);
            }
        } else {
            progress.emit("connecting", 8, configured + ", conectando ao PNCP...", Map.of());
            fed = live().feed(query, sieve, progress, choice.indexReachable(), cancellation);
        }
        stopIfCancelled(cancellation);
        FilterOutcome outcome = sieve.outcome();
        List<Accepted> ordered = ResultOrdering.sort(outcome.accepted(), query.ordering());
        LocalDateTime now = inference.now();
        List<Licitacao> items = ordered.stream()
                .map(a -> LicitacaoMapping.of(a, now.toLocalDate()))
                .toList();
        int considered = fed.considered();
        LOG.info(() -> "Filtering complete: " + items.size() + "/" + considered + " bids passed " + outcome.stats());
        progress.emit(
                "filtering",
                70,
                "Filtragem concluída: " + items.size() + " resultados",
                Map.of("total_filtered", items.size()));

        // As in the reference system, an empty result goes from filtering straight to complete.
        if (!items.isEmpty()) {
            progress.emit("summary", 75, "Gerando resumo executivo...", Map.of());
        }
        Resumo resumo =
                SummaryWriter.summarize(items, subject, now, fed.failedUnits().size());
        stopIfCancelled(cancellation);
        Report report = items.isEmpty()
                ? Report.NONE
                : report(
                        searchId,
                        query,
                        subject,
                        sieve.terms() == null ? sector.name() : null,
                        items,
                        fed,
                        resumo,
                        now,
                        progress);
        stopIfCancelled(cancellation);
        boolean incomplete = !fed.failedUnits().isEmpty()
                || (fed.uncovered() != null && !fed.uncovered().isEmpty());
        var terms = outcome.terms();
        return new SearchResult(
                resumo,
                items,
                considered,
                items.size(),
                outcome.stats(),
                fed.failedUnits(),
                fed.pncpRequests(),
                report.stored == null ? null : report.stored.downloadId(),
                report.stored == null ? null : report.stored.downloadUrl(),
                report.base64,
                report.excel,
                terms == null ? null : terms.valid(),
                terms == null ? null : terms.stopwordsRemoved(),
                terms == null ? null : terms.reasons(),
                terms == null ? null : outcome.hiddenByMinMatch(),
                terms == null ? null : outcome.relaxed(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                fed.fonte().wire(),
                fed.freshAt() == null
                        ? null
                        : fed.freshAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                choice.reason(),
                fed.uncovered(),
                incomplete,
                subject.name());
    }

    private static void stopIfCancelled(Cancellation cancellation) {
        if (cancellation.cancelled()) {
            throw new SearchCancelledException();
        }
    }

    static SearchSubject subject(Sector sector, RecordFilter.Sieve sieve, SearchQuery request) {
        return sieve.terms() == null
                ? SearchSubject.sector(sector.name(), request.openOnly())
                : SearchSubject.terms(sieve.terms().valid(), request.openOnly());
    }

    private LiveSource live() {
        Executor background = executor != null ? executor : Runnable::run;
        return new LiveSource(fetcher, feed, background, clock);
    }

    private record Report(StoredReport stored, String base64, boolean excel) {
        static final Report NONE = new Report(null, null, false);
    }

    private Report report(
            String searchId,
            SearchQuery request,
            SearchSubject subject,
            String sectorName,
            List<Licitacao> items,
            Fed fed,
            Resumo resumo,
            LocalDateTime now,
            Progress progress)
            throws IOException {
        progress.emit("excel", 92, "Gerando planilha Excel...", Map.of("linhas", items.size()));
        ReportParameters params = new ReportParameters(
                subject.name(),
                sectorName,
                request.ufs(),
                request.from(),
                request.to(),
                request.status().label(),
                request.modalities().stream().map(SearchPipeline::modalidade).toList(),
                request.minValue(),
                request.maxValue(),
                request.terms(),
                request.ordering().label(),
                otherFilters(request),
                fed.considered(),
                fed.failedUnits().size(),
                now,
                describe(fed));
        Path file = Files.createTempFile("bidiq-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                ExcelReportWriter.write(items, params, resumo, out);
            }
            try {
                return new Report(storage.store(searchId, file, fileName(subject, request, now)), null, true);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Storage upload failed, falling back to base64 encoding: " + e);
                return new Report(null, Base64.getEncoder().encodeToString(Files.readAllBytes(file)), true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Excel generation failed; the result is returned without a report", e);
            return Report.NONE;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String describe(Fed fed) {
        if (fed.fonte() == Fonte.PNCP) {
            return "PNCP (consulta ao vivo)";
        }
        return "Índice local do PNCP"
                + (fed.freshAt() == null
                        ? ""
                        : ", atualizado em " + BR_DATE_TIME.format(fed.freshAt().atZone(StatusInference.BRASILIA)));
    }

    static FilterCriteria criteria(SearchQuery r, Sector sector) {
        return new FilterCriteria(
                new HashSet<>(r.ufs()),
                r.status(),
                upper(r.spheres()),
                new HashSet<>(r.modalities()),
                r.municipalities() == null ? Set.of() : new HashSet<>(r.municipalities()),
                r.agencies() == null ? List.of() : r.agencies(),
                r.minValue(),
                r.maxValue(),
                sector,
                r.terms(),
                r.exclusionTerms(),
                r.showAllMatches(),
                r.openOnly());
    }

    private static Set<String> upper(List<String> values) {
        return values == null
                ? Set.of()
                : new HashSet<>(values.stream().map(String::toUpperCase).toList());
    }

    static String fileName(SearchSubject subject, SearchQuery r, LocalDateTime now) {
        String period = r.from() == null ? "abertas_em_" + now.toLocalDate() : r.from() + "_a_" + r.to();
        String stem = ReportFileNames.ascii(subject.fileStem());
        return "BidIQ_" + (stem.length() > MAX_FILE_STEM ? stem.substring(0, MAX_FILE_STEM) : stem) + "_" + period
                + ".xlsx";
    }

    /** "6 · Pregão - Eletrônico". */
    static String modalidade(int code) {
        return Modalidade.of(code).map(m -> code + " · " + m.label()).orElse(String.valueOf(code));
    }

    /** The request's narrower filters in words, for the report. */
    static List<String> otherFilters(SearchQuery r) {
        List<String> lines = new ArrayList<>();
        if (r.spheres() != null && !r.spheres().isEmpty()) {
            lines.add("Esferas: "
                    + String.join(
                            ", ",
                            r.spheres().stream().map(ExcelReportWriter::esfera).toList()));
        }
        if (r.municipalities() != null && !r.municipalities().isEmpty()) {
            lines.add("Municípios (código IBGE): " + String.join(", ", r.municipalities()));
        }
        if (r.agencies() != null && !r.agencies().isEmpty()) {
            lines.add("Órgãos: " + String.join("; ", r.agencies()));
        }
        if (r.exclusionTerms() != null) {
            lines.add("Termos de exclusão: "
                    + (r.exclusionTerms().isEmpty() ? "nenhum" : String.join(", ", r.exclusionTerms())));
        }
        return lines;
    }
}
