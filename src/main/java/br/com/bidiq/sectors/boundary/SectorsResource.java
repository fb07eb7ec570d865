package br.com.bidiq.sectors.boundary;

import br.com.bidiq.filtering.control.SectorCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("setores")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SectorsResource {

    public record SectorView(
            @JsonbProperty("id") String id,
            @JsonbProperty("name") String name,
            @JsonbProperty("description") String description) {}

    public record SectorList(@JsonbProperty("setores") List<SectorView> setores) {}

    @GET
    public SectorList all() {
        return new SectorList(SectorCatalog.standard().all().stream()
                .map(s -> new SectorView(s.id(), s.name(), s.description()))
                .toList());
    }
}
