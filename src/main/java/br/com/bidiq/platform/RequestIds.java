package br.com.bidiq.platform;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The id of the HTTP request (or of the search it started) that the current thread works for, and the loggers that
 * print it on every line: {@code [req=...] message}. Background work carries it explicitly ({@link #with}),
 * since pooled threads inherit nothing. The same filter escapes control characters in every
 * message ({@link LogSafe}): log lines quote values clients sent, and none of them may forge a line.
 */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Filter PREFIX = RequestIds::prefix;

    private RequestIds() {}

    public static Logger logger(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        logger.setFilter(PREFIX);
        return logger;
    }

    private static boolean prefix(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return true;
        }
        String id = CURRENT.get();
        if (id != null && !message.startsWith("[req=")) {
            message = "[req=" + id + "] " + LogSafe.escape(message);
        } else {
            message = LogSafe.escape(message);
        }
        record.setMessage(message);
        return true;
    }

    public static String current() {
        return CURRENT.get();
    }

    public static void set(String id) {
        if (id == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(id);
        }
    }

    public static void with(String id, Runnable work) {
        String previous = CURRENT.get();
        set(id);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }
}
