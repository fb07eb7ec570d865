package br.com.bidiq.storage.boundary;

import br.com.bidiq.platform.NotFoundException;
import br.com.bidiq.report.control.ExcelReportWriter;
import br.com.bidiq.storage.control.ReportFileNames;
import br.com.bidiq.storage.control.ReportStorage;
import br.com.bidiq.storage.entity.ReportDownload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Hands out a stored report by its download id; never takes a URL or a path from the client. */
@Path("download")
@ApplicationScoped
public class DownloadsResource {

    @Inject
    ReportStorage storage;

    @GET
    @Path("{downloadId}")
    public Response download(@PathParam("downloadId") String downloadId) {
        Optional<ReportDownload> found = storage.find(downloadId);
        if (found.isEmpty()) {
            throw new NotFoundException("Download expirado ou inválido. Faça uma nova busca para gerar o Excel.");
        }
        ReportDownload d = found.get();
        if (d.redirect() != null) {
            return Response.status(Response.Status.FOUND).location(d.redirect()).build();
        }
        String ascii = ReportFileNames.ascii(d.fileName());
        return Response.ok(d.file().toFile(), ExcelReportWriter.CONTENT_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
