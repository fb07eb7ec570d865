package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexPage;
import br.com.bidiq.index.entity.IndexUnit;
import br.com.bidiq.index.entity.IngestionRun;
import br.com.bidiq.index.entity.PlannedUnit;
import br.com.bidiq.index.entity.RunOutcome;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.PncpFetchException;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.entity.ProgressEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills the index from PNCP. A run holds the cluster-wide lease, plans its units (incremental, then whatever the
 * history lacks), and fetches every open unit page by page, each page upserted in the same transaction that moves
 * the unit's checkpoint: a node that stops or dies loses at most the page it was writing, and the next run, on any
 * node, continues from the checkpoints. Failed units stay visible and are fetched again by the next run.
 *
 * <p>Jakarta Batch was weighed for this and not used: its checkpoints live in each server's own job repository,
 * while a run killed on one node must be continued by another. The coverage table is the checkpoint store every node
 * shares, and the database lease is the "one job at a time" a batch runtime cannot give across servers.
 */
public class Ingestion {

    private static final Logger LOG = RequestIds.logger(Ingestion.class);
    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

    private final IndexDatabase db;
    private final IndexSettings settings;
    private final PncpClient client;
    private final RequestGate nodeGate;
    private final ProgressBus bus;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String node;
    private final NoticeStore notices;
    private final CoverageStore coverage = new CoverageStore();
    private final RunLog runs = new RunLog();
    private final IngestionLease lease;
    private final IngestionPlanner planner;
    private final IndexPageReader reader = new IndexPageReader();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile AtomicBoolean stopRequested = new AtomicBoolean();

    public Ingestion(IndexDatabase db, IndexSettings settings, PncpClient client, RequestGate nodeGate,
                     ProgressBus bus, Executor executor, ScheduledExecutorService scheduler, Clock clock,
                     String node) {
        this.db = db;
        this.settings = settings;
        this.client = client;
        this.nodeGate = nodeGate;
        this.bus = bus;
        this.executor = executor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.node = node;
        this.notices = new NoticeStore(db.vendor());
        this.lease = new IngestionLease(clock);
        this.planner = new IngestionPlanner(settings);
    }

    public IndexSettings settings() {
        return settings;
    }

    /** Whether some node holds the ingestion lease now. */
    public boolean runningAnywhere() throws SQLException {
        try (Connection c = db.connection()) {
            return lease.holder(c).isPresent();
        }
    }

    /**
     * Starts a run now if no node is running one: takes the lease and returns the run, which goes on in the
     * background. Empty when another run holds the lease.
     */
    public Optional<IngestionRun> start(String origin) throws SQLException {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            IngestionRun run;
            try (Connection c = db.connection()) {
                if (!lease.acquire(c, node, settings.lease())) {
                    running.set(false);
                    return Optional.empty();
                }
                String streamId = "indice-" + java.util.UUID.randomUUID();
                Optional<IngestionRun> unfinished = runs.unfinished(c);
                long id;
                if (unfinished.isPresent()) {
                    id = unfinished.get().id();
                    runs.takeOver(c, id, node, streamId);
                    LOG.info("Index run " + id + " continued on " + node + " (was " + unfinished.get().node() + ")");
                } else {
                    id = runs.start(c, origin, node, streamId, now());
                    LOG.info("Index run " + id + " started on " + node + " (" + origin + ")");
                }
                run = runs.last(c).filter(r -> r.id() == id).orElseThrow();
                bus.open(streamId, settings.ufs().size());
                boolean continued = unfinished.isPresent();
                stopRequested = new AtomicBoolean();
                AtomicBoolean stop = stopRequested;
                CompletableFuture.runAsync(() -> execute(run, continued, stop), executor);
            }
            return Optional.of(run);
        } catch (SQLException | RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** The scheduler's tick: continues an abandoned run, or starts one when the interval has passed since the last. */
    public Optional<IngestionRun> startIfDue() throws SQLException {
        if (running.get()) {
            return Optional.empty();
        }
        try (Connection c = db.connection()) {
            if (lease.holder(c).isPresent()) {
                return Optional.empty();
            }
            Optional<IngestionRun> unfinished = runs.unfinished(c);
            if (unfinished.isEmpty()) {
                Optional<IngestionRun> last = runs.last(c);
                if (last.isPresent() && last.get().endedAt() != null
                        && last.get().endedAt().toInstant().plus(settings.interval()).isAfter(clock.instant())) {
                    return Optional.empty();
                }
            }
        }
        return start("agendada");
    }

    public boolean running() {
        return running.get();
    }

    /** Asks the run on this node to stop after the page it is writing; its checkpoints let the next run go on. */
    public void stop() {
        stopRequested.set(true);
    }

    private void execute(IngestionRun run, boolean continued, AtomicBoolean stop) {
        RunState state = new RunState(run, stop);
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(() -> renew(state),
                settings.lease().toMillis() / 3, settings.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
        RunOutcome outcome = RunOutcome.FAILED;
        String message;
        try {
            publish(state, "planning", 2, continued ? "Retomando a atualização do índice" : "Planejando a atualização",
                    Map.of());
            List<IndexUnit> open;
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                if (!continued) {
                    LocalDate today = LocalDate.now(clock.withZone(BRASILIA));
                    List<PlannedUnit> planned = planner.plan(today, runs.watermark(c), coverage.intervals(c));
                    coverage.plan(c, planned, run.id(), now());
                    runs.watermark(c, today);
                }
                open = coverage.open(c);
                if (continued) {
                    // Counts go on from what the previous node saved, so the run's totals cover all of it.
                    state.unitsDone.set(run.unitsDone());
                    state.unitsFailed.set(run.unitsFailed());
                    state.records.set(run.records());
                    state.badRecords.set(run.badRecords());
                }
                state.unitsTotal = state.unitsDone.get() + open.size();
                runs.progress(c, run.id(), state.unitsTotal, state.unitsDone.get(), state.unitsFailed.get(),
                        state.records.get(), state.badRecords.get());
                c.commit();
            }
            LOG.info("Index run " + run.id() + ": " + open.size() + " PNCP units to fetch");
            publish(state, "indexing", 5, open.size() + " consultas ao PNCP a fazer", state.detail());
            Queue<IndexUnit> queue = new ConcurrentLinkedQueue<>(open);
            List<CompletableFuture<Void>> lanes = new ArrayList<>();
            for (int i = 0; i < Math.min(settings.concurrency(), Math.max(1, open.size())); i++) {
                lanes.add(CompletableFuture.runAsync(() -> drain(queue, state), executor));
            }
            CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
            if (state.databaseError != null) {
                throw state.databaseError;
            }
            try (Connection c = db.connection()) {
                runs.progress(c, run.id(), state.unitsTotal, state.unitsDone.get(), state.unitsFailed.get(),
                        state.records.get(), state.badRecords.get());
                if (stop.get()) {
                    // Left open on purpose: the next run, on any node, continues it from the checkpoints.
                    outcome = RunOutcome.INTERRUPTED;
                    message = "interrompida após " + state.unitsDone + " de " + state.unitsTotal + " consultas";
                } else {
                    // Decided by the table, not the counters: a unit that failed earlier in this run may have been
                    // fetched since by the node that continued it.
                    outcome = coverage.coverage(c).unitsFailed() == 0 ? RunOutcome.SUCCEEDED : RunOutcome.PARTIAL;
                    message = state.summary();
                    runs.finish(c, run.id(), outcome, message, now());
                }
            }
        } catch (SQLException | RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            message = "falha no banco do índice: " + cause.getMessage();
            LOG.log(Level.WARNING, "Index run " + run.id() + " stopped: " + cause.getMessage(), cause);
        } finally {
            renewal.cancel(false);
            release();
        }
        LOG.info("Index run " + run.id() + " " + outcome.wire() + ": " + message);
        Map<String, Object> detail = new LinkedHashMap<>(state.detail());
        detail.put("resultado", outcome.wire());
        if (outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.PARTIAL) {
            publish(state, ProgressEvent.COMPLETE, 100, message, detail);
        } else {
            publish(state, ProgressEvent.ERROR, -1, "Atualização do índice " + (outcome == RunOutcome.INTERRUPTED
                    ? "interrompida; a próxima execução continua de onde parou" : "falhou: " + message), detail);
        }
        running.set(false);
    }

    private void drain(Queue<IndexUnit> queue, RunState state) {
        IndexUnit unit;
        while (!state.stop.get() && state.databaseError == null && (unit = queue.poll()) != null) {
            try {
                fetchUnit(unit, state);
            } catch (SQLException e) {
                state.databaseError = e;
            }
        }
    }

    private void fetchUnit(IndexUnit unit, RunState state) throws SQLException {
        int page = Math.max(1, unit.nextPage());
        while (!state.stop.get()) {
            IndexPage result;
            try {
                result = client.fetchPage(unit.endpoint(), unit.fetchUnit(), page, List.of(nodeGate), reader).join();
            } catch (CompletionException e) {
                String reason = e.getCause() instanceof PncpFetchException ? e.getCause().getMessage()
                        : "erro inesperado: " + e.getCause();
                try (Connection c = db.connection()) {
                    coverage.failed(c, unit.id(), "página " + page + ": " + reason, now());
                }
                LOG.warning("Index unit failed " + unit + " page " + page + ": " + reason);
                state.unitFinished(false);
                progressed(state);
                return;
            }
            int lastPage = result.lastPage();
            boolean last = page >= lastPage || result.notices().isEmpty() && result.badRecords().isEmpty();
            boolean capped = !last && page >= settings.maxPagesPerUnit();
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                notices.upsert(c, result.notices(), now());
                if (last) {
                    coverage.done(c, unit.id(), page + 1, result.notices().size(), result.badRecords().size(), now());
                } else {
                    coverage.checkpoint(c, unit.id(), page + 1, lastPage, result.notices().size(),
                            result.badRecords().size(), now());
                }
                if (capped) {
                    coverage.failed(c, unit.id(), "limite de " + settings.maxPagesPerUnit() + " páginas por consulta "
                            + "atingido (" + lastPage + " páginas)", now());
                }
                c.commit();
            }
            state.records.addAndGet(result.notices().size());
            if (!result.badRecords().isEmpty()) {
                state.badRecords.addAndGet(result.badRecords().size());
                LOG.warning("Index skipped " + result.badRecords().size() + " bad records on " + unit + " page " + page
                        + ": " + summarize(result.badRecords()));
            }
            if (last || capped) {
                state.unitFinished(!capped);
                progressed(state);
                return;
            }
            page++;
        }
    }

    private static String summarize(List<String> reasons) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        reasons.forEach(r -> counts.merge(r, 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((r, n) -> sb.append(sb.isEmpty() ? "" : "; ").append(r).append(" (").append(n).append(')'));
        return sb.toString();
    }

    /** At most one event a second (and the last one): a backfill has thousands of units. */
    private void progressed(RunState state) {
        long nowMs = clock.millis();
        int done = state.unitsDone.get();
        synchronized (state) {
            if (done < state.unitsTotal && nowMs - state.lastEventAt < 1000) {
                return;
            }
            state.lastEventAt = nowMs;
        }
        int pct = state.unitsTotal == 0 ? 95 : 5 + (int) (90L * done / state.unitsTotal);
        publish(state, "indexing", pct, done + " de " + state.unitsTotal + " consultas; " + state.records.get()
                + " registros", state.detail());
        try (Connection c = db.connection()) {
            runs.progress(c, state.run.id(), state.unitsTotal, done, state.unitsFailed.get(), state.records.get(),
                    state.badRecords.get());
        } catch (SQLException e) {
            LOG.fine(() -> "run progress not saved: " + e.getMessage());
        }
    }

    private void renew(RunState state) {
        try (Connection c = db.connection()) {
            if (!lease.renew(c, node, settings.lease())) {
                LOG.warning("Index run " + state.run.id() + " lost its lease: stopping");
                state.stop.set(true);
            }
        } catch (SQLException e) {
            LOG.warning("Index lease not renewed: " + e.getMessage());
        }
    }

    private void release() {
        try (Connection c = db.connection()) {
            lease.release(c, node);
        } catch (SQLException e) {
            LOG.warning("Index lease not released (it expires by itself): " + e.getMessage());
        }
    }

    private void publish(RunState state, String stage, int progress, String message, Map<String, Object> detail) {
        try {
            bus.publish(state.run.streamId(), new ProgressEvent(0, stage, progress, message, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "index progress not published", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Counters of one run on this node. */
    private static final class RunState {
        final IngestionRun run;
        final AtomicBoolean stop;
        final AtomicInteger unitsDone = new AtomicInteger();
        final AtomicInteger unitsFailed = new AtomicInteger();
        final AtomicLong records = new AtomicLong();
        final AtomicLong badRecords = new AtomicLong();
        volatile int unitsTotal;
        volatile SQLException databaseError;
        long lastEventAt;

        RunState(IngestionRun run, AtomicBoolean stop) {
            this.run = run;
            this.stop = stop;
        }

        void unitFinished(boolean ok) {
            unitsDone.incrementAndGet();
            if (!ok) {
                unitsFailed.incrementAndGet();
            }
        }

        Map<String, Object> detail() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("execucao", run.id());
            d.put("unidades_concluidas", unitsDone.get());
            d.put("unidades_total", unitsTotal);
            d.put("unidades_com_falha", unitsFailed.get());
            d.put("registros", records.get());
            d.put("registros_invalidos", badRecords.get());
            return d;
        }

        String summary() {
            return unitsDone.get() + " consultas, " + records.get() + " registros gravados, " + badRecords.get()
                    + " inválidos ignorados, " + unitsFailed.get() + " consultas com falha";
        }
    }
}
