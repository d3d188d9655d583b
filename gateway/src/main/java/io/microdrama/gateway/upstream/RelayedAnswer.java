package io.microdrama.gateway.upstream;

import io.vertx.core.http.HttpClientResponse;

/**
 * A service's answer on the thin read path: either still streaming ({@code streaming}, paused, headers read, body to
 * be piped on to the caller) or, for what must be looked at first (a 5xx problem), {@code buffered}. Exactly one is set.
 */
public record RelayedAnswer(HttpClientResponse streaming, UpstreamAnswer buffered) {
}
