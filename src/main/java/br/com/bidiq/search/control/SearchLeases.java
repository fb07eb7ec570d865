package br.com.bidiq.search.control;

import br.com.bidiq.cluster.control.ClusterSettings;
import br.com.bidiq.cluster.control.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;

/**
 * Which node runs which search, across the cluster. A node holds a short lease ({@code bidiq:search:{id}:lease})
 * on each search it runs and renews it; the ids of running searches are in {@code bidiq:searches:running}. A search
 * whose lease is missing on two checks in a row lost its node, and exactly one node is told to end it. Without Redis
 * there is nothing to share and every method does nothing.
 */
@ApplicationScoped
public class SearchLeases {

    static final String RUNNING = "bidiq:searches:running";

    @Inject
    RedisConnection redis;

    @Inject
    ClusterSettings settings;

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();
    /** Searches that ended here while Redis could not be told: removed from the running set when it answers. */
    private final Set<String> releasing = ConcurrentHashMap.newKeySet();

    protected SearchLeases() {
        // for CDI
    }

    public SearchLeases(RedisConnection redis, ClusterSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    static String leaseKey(String searchId) {
        return SearchRegistry.PREFIX + searchId + ":lease";
    }

    static String reapedKey(String searchId) {
        return SearchRegistry.PREFIX + searchId + ":reaped";
    }

    /** This node runs the search from now on. */
    public void hold(String searchId) {
        held.add(searchId);
        redis.client().ifPresent(c -> write(c, searchId));
    }

    /** The search ended here: its lease and its place among the running go. */
    public void release(String searchId) {
        if (held.remove(searchId)) {
            // Until Redis has forgotten it, the search would look like a dead node's to the others.
            releasing.add(searchId);
            redis.client().ifPresent(this::forget);
        }
    }

    private void forget(RedissonClient c) {
        for (String searchId : List.copyOf(releasing)) {
            try {
                c.getSet(RUNNING).remove(searchId);
                c.getBucket(leaseKey(searchId)).delete();
                releasing.remove(searchId);
            } catch (RuntimeException e) {
                redis.failed(e);
                return;
            }
        }
    }

    /** Renews this node's leases (and writes them again after Redis lost them); forgets the released ones. */
    public void renew() {
        redis.client().ifPresent(c -> {
            List.copyOf(held).forEach(id -> write(c, id));
            forget(c);
        });
    }

    private void write(RedissonClient c, String searchId) {
        try {
            c.getBucket(leaseKey(searchId)).set(redis.node(), settings.lease());
            c.getSet(RUNNING).add(searchId);
        } catch (RuntimeException e) {
            redis.failed(e);
        }
    }

    /**
     * Running searches whose node stopped renewing their lease, each given to one node of the cluster only; they are
     * no longer counted as running.
     */
    public List<String> orphans() {
        Optional<RedissonClient> client = redis.client();
        if (client.isEmpty()) {
            return List.of();
        }
        RedissonClient c = client.get();
        List<String> orphans = new ArrayList<>();
        try {
            Set<String> running = c.<String>getSet(RUNNING).readAll();
            suspects.retainAll(running);
            for (String searchId : running) {
                if (held.contains(searchId) || c.getBucket(leaseKey(searchId)).isExists()) {
                    suspects.remove(searchId);
                } else if (!suspects.add(searchId)) {
                    suspects.remove(searchId);
                    c.getSet(RUNNING).remove(searchId);
                    if (c.getBucket(reapedKey(searchId))
                            .setIfAbsent(redis.node(), settings.lease().multipliedBy(6))) {
                        orphans.add(searchId);
                    }
                }
            }
        } catch (RuntimeException e) {
            redis.failed(e);
        }
        return orphans;
    }
}
