package br.com.bidiq.bench;

import br.com.bidiq.progress.control.ProgressBus;
import br.com.bidiq.progress.entity.ProgressEvent;
import br.com.bidiq.search.control.Searches;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark-only (added to the WAR by the benchmark's deployment, never shipped): publishes synthetic progress
 * events stamped with their publish time, so a client can measure publish-to-receipt latency.
 */
@Path("bench")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchPublishResource {

    @Inject
    Searches searches;

    @Inject
    ProgressBus bus;

    @Resource
    ManagedExecutorService executor;

    @PUT
    @Path("searches/{id}")
    public Map<String, Object> claim(@PathParam("id") String id) {
        searches.open(id, null);
        return Map.of("search_id", id);
    }

    @POST
    @Path("searches/{id}/publish")
    public Map<String, Object> publish(
            @PathParam("id") String id,
            @QueryParam("n") int n,
            @QueryParam("intervalMicros") long intervalMicros,
            @QueryParam("padding") int padding) {
        String pad = "x".repeat(Math.max(0, padding)); // bigger events, to fill the sockets of clients that do not read
        executor.execute(() -> {
            for (int i = 1; i <= n; i++) {
                String stage = i == n ? ProgressEvent.COMPLETE : "fetching";
                bus.publish(
                        id,
                        new ProgressEvent(
                                0,
                                stage,
                                i * 100 / n,
                                "bench " + i,
                                pad.isEmpty()
                                        ? Map.of("t", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()))
                                        : Map.of(
                                                "t",
                                                ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()),
                                                "p",
                                                pad)));
                if (intervalMicros > 0) {
                    LockSupport.parkNanos(intervalMicros * 1000);
                }
            }
        });
        return Map.of("search_id", id, "events", n);
    }

    @POST
    @Path("memory")
    public Map<String, Object> memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return Map.of("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }
}
