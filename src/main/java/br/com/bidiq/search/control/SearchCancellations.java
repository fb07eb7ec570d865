package br.com.bidiq.search.control;

import br.com.bidiq.cluster.control.RedisConnection;
import br.com.bidiq.platform.Cancellation;
import br.com.bidiq.platform.RequestIds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The cancellation of each search running on this node. A cancel asked on another node reaches this one over the
 * Redis topic {@code bidiq:search-cancel}; every node hears it and the one running the search stops it.
 */
@ApplicationScoped
public class SearchCancellations {

    private static final Logger LOG = RequestIds.logger(SearchCancellations.class);
    static final String TOPIC = "bidiq:search-cancel";

    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    @Inject
    RedisConnection redis;

    @PostConstruct
    void listen() {
        redis.whenConnected(c -> c.getTopic(TOPIC).addListener(String.class, (channel, searchId) -> {
            if (cancelHere(searchId)) {
                LOG.info("Search " + searchId + " cancelled at another node's request");
            }
        }));
    }

    /** A search starts here: from now on a cancel request finds it. */
    public Cancellation register(String searchId) {
        return running.computeIfAbsent(searchId, id -> new Cancellation());
    }

    public Cancellation of(String searchId) {
        Cancellation c = running.get(searchId);
        return c == null ? Cancellation.NEVER : c;
    }

    /** The search ended: nothing to cancel any more. */
    public void release(String searchId) {
        running.remove(searchId);
    }

    /** Stops the search wherever it runs: here at once, elsewhere through Redis. */
    public void cancel(String searchId) {
        if (cancelHere(searchId)) {
            LOG.info("Search " + searchId + " cancelled");
            return;
        }
        redis.client().ifPresent(c -> {
            try {
                c.getTopic(TOPIC).publish(searchId);
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        });
    }

    private boolean cancelHere(String searchId) {
        Cancellation c = running.get(searchId);
        if (c == null) {
            return false;
        }
        c.cancel();
        return true;
    }
}
