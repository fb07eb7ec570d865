package br.com.bidiq.pncp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NoticeLinksTest {

    @Test
    void placeholdersAndJunkAreNotLinks() {
        assertNull(NoticeLinks.usable("string"));
        assertNull(NoticeLinks.usable(""));
        assertNull(NoticeLinks.usable("javascript:alert(1)"));
        assertEquals(
                "https://app2-compras.riopretoprev.sp.gov.br/pesquisa/34682",
                NoticeLinks.usable("app2-compras.riopretoprev.sp.gov.br/pesquisa/34682"));
        assertEquals("https://sei.sp.gov.br/", NoticeLinks.usable("https://sei.sp.gov.br/"));
    }

    @Test
    void fallsBackToThePncpNoticePage() {
        assertEquals(
                "https://pncp.gov.br/app/editais/44847663000111/2026/826",
                NoticeLinks.pncpPage("44847663000111-1-000826/2026"));
        assertEquals("https://pncp.gov.br/app/editais?q=abc%2F1", NoticeLinks.pncpPage("abc/1"));
    }
}
