package io.microdrama.gateway.upstream;

import io.microdrama.gateway.domain.Upstream;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Locale;

/**
 * The services as the gateway sees them, from the circuit breakers: DOWN while a breaker is open or half-open.
 * Deliberately in its own group ({@code /q/health/group/upstreams}) and NOT in readiness: a gateway that went unready
 * whenever one service failed would be taken out of the load balancer and stop serving the routes that still work.
 */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamHealth implements HealthCheck {

    private final CircuitBreakerMaintenance breakers;
    private final UpstreamClient upstreams;

    public UpstreamHealth(CircuitBreakerMaintenance breakers, UpstreamClient upstreams) {
        this.breakers = breakers;
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream circuit breakers").up();
        for (Upstream upstream : Upstream.values()) {
            CircuitBreakerState state = breakers.currentState(upstream.serviceName());
            response.withData(upstream.serviceName(), state.name().toLowerCase(Locale.ROOT) + " " + upstreams.baseUrl(upstream));
            if (state != CircuitBreakerState.CLOSED) {
                response.down();
            }
        }
        return response.build();
    }
}
