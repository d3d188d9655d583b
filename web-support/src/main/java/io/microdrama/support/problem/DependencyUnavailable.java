package io.microdrama.support.problem;

/**
 * Recognises a failure that is a dependency out of reach (the service's database restarting, say) rather than a
 * fault of ours: {@link ProblemMappers} answers it 503 with {@code Retry-After} instead of 500, so that clients and
 * the gateway retry later. A service provides one as a bean; this library knows no database driver.
 */
public interface DependencyUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    int RETRY_AFTER_SECONDS = 5;

    boolean covers(Throwable failure);
}
