package io.microdrama.support.inbox;

import io.microdrama.support.problem.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;

/** A request that failed because the service's database is out of reach is answered 503, not 500 (see {@link DatabaseOutage}). */
@ApplicationScoped
public class DatabaseUnavailable implements DependencyUnavailable {

    @Override
    public boolean covers(Throwable failure) {
        return DatabaseOutage.is(failure);
    }
}
