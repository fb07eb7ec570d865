package br.com.bidiq;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "BidIQ",
                        version = "1.0",
                        description =
                                "Busca de licitações abertas no PNCP por setor, com progresso ao vivo e relatório Excel."))
public class BidIqApplication extends Application {}
