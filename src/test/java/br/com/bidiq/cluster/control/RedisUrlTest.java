package br.com.bidiq.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aValidUrlIsReadAndPrintedWithoutItsPassword() {
        RedisUrl url = RedisUrl.parse("redis://bidiq:s3cr%40t@cache.local:6380/2");
        assertEquals("bidiq", url.username());
        assertEquals("s3cr@t", url.password());
        assertEquals(2, url.database());
        assertEquals("redis://cache.local:6380", url.address());
        assertEquals("redis://bidiq:***@cache.local:6380/2", url.masked());
    }

    @Test
    void anInvalidUrlIsRefusedWithoutEchoingIt() {
        for (String bad : new String[] {
            "redis://user:pass word@host:6379",
            "redis://user:hunter2@host:6379/db-hunter2",
            "http://user:hunter2@host",
            "redis://user:hunter2@/0",
            "redis://us er:hunter2@host"
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(bad), bad);
            assertFalse(
                    e.getMessage().contains("hunter2")
                            || e.getMessage().contains("pass word")
                            || e.getMessage().contains("user"),
                    e.getMessage());
        }
    }

    @Test
    void defaultsPortDatabaseAndSchemeAndKeepsTls() {
        RedisUrl plain = RedisUrl.parse(" redis://127.0.0.1 ");
        assertEquals("redis://127.0.0.1:6379", plain.address());
        assertEquals(0, plain.database());
        assertEquals(null, plain.password());
        assertEquals("redis://127.0.0.1:6379", plain.masked());
        RedisUrl tls = RedisUrl.parse("rediss://:only-a-password@redis.example:6390");
        assertEquals("rediss://redis.example:6390", tls.address());
        assertEquals(null, tls.username(), "an empty user name is no user name");
        assertEquals("only-a-password", tls.password());
        assertEquals("rediss://:***@redis.example:6390", tls.masked());
    }
}
