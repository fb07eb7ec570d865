package br.com.bidiq.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("setor x\\r\\n[INFO] forjado", LogSafe.escape("setor x\r\n[INFO] forjado"));
        assertEquals("a\\u0000b\\u001bc\\u2028d\\u0085e\\tf", LogSafe.escape("a\0b\u001bc\u2028d\u0085e\tf"));
        assertEquals("texto comum, acentuação", LogSafe.escape("texto comum, acentuação"));
        String longOne = LogSafe.escape("x".repeat(5_000));
        assertTrue(longOne.startsWith("x".repeat(LogSafe.MAX_CHARS)) && longOne.endsWith("(+3000 caracteres)"));
    }

    @Test
    void everyLoggerOfTheAppEscapesItsMessages() {
        Logger logger = RequestIds.logger(LogSafeTest.class);
        List<LogRecord> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (logger.getFilter() == null || logger.getFilter().isLoggable(record)) {
                    seen.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        try {
            RequestIds.with("req-1", () -> logger.info("Setor desconhecido: a\r\nFORJADO"));
        } finally {
            logger.removeHandler(capture);
        }
        String message = seen.get(0).getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertEquals("[req=req-1] Setor desconhecido: a\\r\\nFORJADO", message);
    }
}
