package io.microdrama.gateway.upstream;

import java.util.Map;

/**
 * One call to a service: method, raw path with query (exactly as the client sent it, never re-encoded), the headers
 * to pass on, and the body (null for none).
 */
public record UpstreamRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

    public boolean idempotentRead() {
        return method.equals("GET") || method.equals("HEAD");
    }
}
