package br.com.bidiq.storage.control;

import br.com.bidiq.platform.DeploymentConfig;
import br.com.bidiq.platform.RequestIds;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Enables one of the two {@link ReportStorage} alternatives when the application is deployed, the same way the
 * progress bus is chosen: object storage when S3_ENDPOINT, or both S3 keys, are set; the filesystem otherwise.
 */
public class ReportStorageSelection implements Extension {

    private static final Logger LOG = RequestIds.logger(ReportStorageSelection.class);

    void enable(@Observes AfterTypeDiscovery event) {
        boolean objects = set("s3.endpoint") || (set("s3.access-key") && set("s3.secret-key"));
        Class<?> chosen = objects ? ObjectReportStorage.class : FilesystemReportStorage.class;
        event.getAlternatives().add(chosen);
        LOG.info(() -> "Report storage alternative enabled: " + chosen.getSimpleName());
    }

    private static boolean set(String property) {
        return DeploymentConfig.value(property).isPresent();
    }
}
