package br.com.bidiq.health;

import br.com.bidiq.progress.boundary.SseStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    SseStreams streams;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bidiq").withData("sse_streams", streams.openStreams()).up().build();
    }
}
