package br.com.bidiq.search.boundary;

import br.com.bidiq.filtering.control.SectorCatalog;
import br.com.bidiq.platform.RequestIds;
import br.com.bidiq.search.control.SearchValidation;
import br.com.bidiq.search.entity.SearchRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and validates one search body when the application starts, so that the first requests after a deployment
 * do not pay for loading the sector catalogue, the validator and JSON-B (about 3 s here): a burst on a fresh node
 * is then answered as fast as on a warm one.
 */
@ApplicationScoped
public class SearchWarmup {

    private static final Logger LOG = RequestIds.logger(SearchWarmup.class);
    static final String SAMPLE = "{\"ufs\":[\"SC\"],\"data_inicial\":\"2026-01-05\",\"data_final\":\"2026-01-05\","
            + "\"setor_id\":\"vestuario\",\"termos_busca\":\"jaleco, avental\",\"modalidades\":[6],"
            + "\"valor_minimo\":1000.00}";

    @Inject
    Validator validator;

    void warm(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            SectorCatalog.standard();
            SearchRequest request = new SearchRequestReader()
                    .readFrom(
                            SearchRequest.class,
                            SearchRequest.class,
                            new Annotation[0],
                            MediaType.APPLICATION_JSON_TYPE,
                            new MultivaluedHashMap<>(),
                            new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)));
            SearchValidation.violations(validator, request);
            request.normalized();
        } catch (Exception e) {
            LOG.log(Level.FINE, "warm-up skipped", e);
        }
    }
}
