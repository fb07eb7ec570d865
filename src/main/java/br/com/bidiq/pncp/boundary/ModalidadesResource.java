package br.com.bidiq.pncp.boundary;

import br.com.bidiq.pncp.entity.Modalidade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** PNCP's modality codes and names, for forms. */
@Path("modalidades")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModalidadesResource {

    public record ModalidadeView(
            @JsonbProperty("codigo") int codigo,
            @JsonbProperty("nome") String nome) {}

    public record ModalidadeList(
            @JsonbProperty("modalidades") List<ModalidadeView> modalidades) {}

    @GET
    public ModalidadeList all() {
        return new ModalidadeList(Arrays.stream(Modalidade.values())
                .map(m -> new ModalidadeView(m.code(), m.label()))
                .toList());
    }
}
