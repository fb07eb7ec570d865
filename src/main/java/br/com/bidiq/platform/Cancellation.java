package br.com.bidiq.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request to stop one piece of work, shared between who asks (a user's DELETE) and who works (the PNCP fetch, the
 * pipeline's stages). Cancelling is one-way and idempotent; actions registered after it run at once.
 */
public final class Cancellation {

    private static final Logger LOG = RequestIds.logger(Cancellation.class);

    /** Work that nobody can cancel. */
    public static final Cancellation NEVER = new Cancellation();

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        if (this == NEVER) {
            return;
        }
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        actions.forEach(Cancellation::runQuietly);
    }

    public boolean cancelled() {
        return cancelled;
    }

    public void onCancel(Runnable action) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                actions.add(action);
            }
        }
        if (now) {
            runQuietly(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cancellation action failed", e);
        }
    }
}
