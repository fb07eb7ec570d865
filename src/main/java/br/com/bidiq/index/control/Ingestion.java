package br.com.bidiq.index.control;

import br.com.bidiq.index.entity.IndexUnit;
import br.com.bidiq.index.entity.IngestionRun;
import br.com.bidiq.index.entity.PlannedUnit;
import br.com.bidiq.index.entity.RunOutcome;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.pncp.control.PncpClient;
import br.com.bidiq.pncp.control.RequestGate;
import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.entity.ProgressEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    private final ProgressBus bus;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String node;
    private final CoverageStore coverage = new CoverageStore();
    private final RunLog runs = new RunLog();
    private final IngestionLease lease;
    private final IngestionPlanner planner;
    private final UnitFetcher fetcher;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile AtomicBoolean stopRequested = new AtomicBoolean();

    public Ingestion(
            IndexDatabase db,
            IndexSettings settings,
            PncpClient client,
            RequestGate nodeGate,
            ProgressBus bus,
            Executor executor,
            ScheduledExecutorService scheduler,
            Clock clock,
            String node) {
        this.db = db;
        this.settings = settings;
        this.bus = bus;
        this.executor = executor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.node = node;
        this.lease = new IngestionLease(clock);
        this.planner = new IngestionPlanner(settings);
        this.fetcher = new UnitFetcher(
                db, client, nodeGate, new NoticeStore(db.vendor()), coverage, settings.maxPagesPerUnit(), clock);
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
        try (Connection c = db.connection()) {
            if (!lease.acquire(c, node, settings.lease())) {
                running.set(false);
                return Optional.empty();
            }
            try {
                String streamId = "indice-" + UUID.randomUUID();
                Optional<IngestionRun> unfinished = runs.unfinished(c);
                long id;
                if (unfinished.isPresent()) {
                    id = unfinished.get().id();
                    runs.takeOver(c, id, node, streamId);
                    LOG.info("Index run " + id + " continued on " + node + " (was "
                            + unfinished.get().node() + ")");
                } else {
                    id = runs.start(c, origin, node, streamId, now());
                    LOG.info("Index run " + id + " started on " + node + " (" + origin + ")");
                }
                IngestionRun run = runs.find(c, id).orElseThrow();
                bus.open(streamId);
                AtomicBoolean stop = new AtomicBoolean();
                stopRequested = stop;
                CompletableFuture.runAsync(() -> execute(run, unfinished.isPresent(), stop), executor);
                return Optional.of(run);
            } catch (SQLException | RuntimeException e) {
                lease.release(c, node);
                throw e;
            }
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
            if (runs.unfinished(c).isEmpty()) {
                Optional<OffsetDateTime> lastEnd = runs.last(c).map(IngestionRun::endedAt);
                Instant due = lastEnd.map(t -> t.toInstant().plus(settings.interval()))
                        .orElse(Instant.MIN);
                if (due.isAfter(clock.instant())) {
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
        RunCounters counters = new RunCounters(run.id());
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(
                () -> renew(run, stop),
                settings.lease().toMillis() / 3,
                settings.lease().toMillis() / 3,
                TimeUnit.MILLISECONDS);
        RunOutcome outcome = RunOutcome.FAILED;
        String message;
        try {
            publish(
                    run,
                    "planning",
                    2,
                    continued ? "Retomando a atualização do índice" : "Planejando a atualização",
                    Map.of());
            List<IndexUnit> open = plan(run, continued, counters);
            LOG.info("Index run " + run.id() + ": " + open.size() + " PNCP units to fetch");
            publish(run, "indexing", 5, open.size() + " consultas ao PNCP a fazer", counters.detail());
            fetchAll(open, run, counters, stop);
            try (Connection c = db.connection()) {
                runs.progress(c, counters);
                if (stop.get()) {
                    // Left open on purpose: the next run, on any node, continues it from the checkpoints.
                    outcome = RunOutcome.INTERRUPTED;
                    message = "interrompida após " + counters.unitsDone + " de " + counters.unitsTotal + " consultas";
                } else {
                    // Decided by the table, not the counters: a unit that failed earlier in this run may have been
                    // fetched since by the node that continued it.
                    outcome = coverage.coverage(c).unitsFailed() == 0 ? RunOutcome.SUCCEEDED : RunOutcome.PARTIAL;
                    message = counters.summary();
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
        Map<String, Object> detail = new LinkedHashMap<>(counters.detail());
        detail.put("resultado", outcome.wire());
        if (outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.PARTIAL) {
            publish(run, ProgressEvent.COMPLETE, 100, message, detail);
        } else {
            publish(
                    run,
                    ProgressEvent.ERROR,
                    -1,
                    "Atualização do índice "
                            + (outcome == RunOutcome.INTERRUPTED
                                    ? "interrompida; a próxima execução continua de onde parou"
                                    : "falhou: " + message),
                    detail);
        }
        running.set(false);
    }

    /** A new run plans its units and moves the watermark; a continued one takes the units left open. */
    private List<IndexUnit> plan(IngestionRun run, boolean continued, RunCounters counters) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            if (continued) {
                counters.continueFrom(run);
            } else {
                LocalDate today = LocalDate.now(clock.withZone(BRASILIA));
                Map<PlannedUnit, IndexUnit.Status> existing = coverage.statuses(c);
                List<PlannedUnit> planned = planner.plan(today, runs.watermark(c), existing.keySet());
                coverage.plan(c, planned, existing, run.id(), now());
                runs.watermark(c, today);
            }
            List<IndexUnit> open = coverage.open(c);
            counters.unitsTotal = counters.unitsDone.get() + open.size();
            runs.progress(c, counters);
            c.commit();
            return open;
        }
    }

    /** {@code INDEX_CONCURRENCY} lanes take units off one queue until it is empty, the run stops or the DB fails. */
    private void fetchAll(List<IndexUnit> open, IngestionRun run, RunCounters counters, AtomicBoolean stop)
            throws SQLException {
        Queue<IndexUnit> queue = new ConcurrentLinkedQueue<>(open);
        AtomicReference<SQLException> databaseError = new AtomicReference<>();
        Runnable lane = () -> {
            IndexUnit unit;
            while (!stop.get() && databaseError.get() == null && (unit = queue.poll()) != null) {
                try {
                    counters.unitEnded(fetcher.fetch(unit, stop::get));
                    progressed(run, counters);
                } catch (SQLException e) {
                    databaseError.compareAndSet(null, e);
                }
            }
        };
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.concurrency(), Math.max(1, open.size())); i++) {
            lanes.add(CompletableFuture.runAsync(lane, executor));
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
        if (databaseError.get() != null) {
            throw databaseError.get();
        }
    }

    /** At most one event (and one save of the counts) a second, and the last: a backfill has thousands of units. */
    private void progressed(IngestionRun run, RunCounters counters) {
        if (!counters.eventDue(clock.millis())) {
            return;
        }
        publish(
                run,
                "indexing",
                counters.percent(),
                counters.unitsDone.get() + " de " + counters.unitsTotal + " consultas; " + counters.records.get()
                        + " registros",
                counters.detail());
        try (Connection c = db.connection()) {
            runs.progress(c, counters);
        } catch (SQLException e) {
            LOG.fine(() -> "run progress not saved: " + e.getMessage());
        }
    }

    private void renew(IngestionRun run, AtomicBoolean stop) {
        try (Connection c = db.connection()) {
            if (!lease.renew(c, node, settings.lease())) {
                LOG.warning("Index run " + run.id() + " lost its lease: stopping");
                stop.set(true);
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

    private void publish(IngestionRun run, String stage, int progress, String message, Map<String, Object> detail) {
        try {
            bus.publish(run.streamId(), new ProgressEvent(0, stage, progress, message, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "index progress not published", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
