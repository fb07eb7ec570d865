package br.com.bidiq.storage.control;

import java.util.UUID;
import java.util.regex.Pattern;

/** Download ids are random UUIDs: unguessable, and safe to use as file names once checked. */
public final class DownloadIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private DownloadIds() {}

    public static String next() {
        return UUID.randomUUID().toString();
    }

    public static boolean valid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }
}
