package io.microdrama.gateway.domain;

import java.util.Map;

/**
 * A request the gateway answers itself with a problem (RFC 9457), before or instead of calling a service.
 * {@code headers} carries what the status needs, e.g. {@code Retry-After} with 429 or {@code Allow} with 405.
 */
public class GatewayException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public GatewayException(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public GatewayException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public static GatewayException unauthenticated() {
        return new GatewayException(401, "Unauthorized", "A valid bearer token is required",
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static GatewayException forbidden(String detail) {
        return new GatewayException(403, "Forbidden", detail);
    }

    public static GatewayException notFound(String detail) {
        return new GatewayException(404, "Not Found", detail);
    }

    public static GatewayException tooManyRequests(String detail, long retryAfterSeconds) {
        return new GatewayException(429, "Too Many Requests", detail,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
