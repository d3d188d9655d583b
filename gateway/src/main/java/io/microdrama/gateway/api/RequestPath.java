package io.microdrama.gateway.api;

import io.microdrama.gateway.domain.GatewayException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request path as the gateway routes it: raw segments decoded one by one. A segment that decodes to a separator
 * or a dot segment is refused, because the gateway forwards the raw path and a service might read
 * {@code ..%2Fadmin} differently than the gateway matched it.
 */
final class RequestPath {

    private RequestPath() {
    }

    static List<String> segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw GatewayException.notFound("No such operation");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            String decoded = decode(raw);
            if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..") || decoded.contains("/")
                    || decoded.contains("\\")) {
                throw new GatewayException(400, "Bad Request",
                        "The path has an empty segment, a dot segment or an encoded separator");
            }
            segments.add(decoded);
        }
        return segments;
    }

    /** The raw segment at a position, for building a service path without re-encoding. */
    static String rawSegment(String rawPath, int index) {
        return rawPath.substring(1).split("/", -1)[index];
    }

    private static String decode(String raw) {
        try {
            // URLDecoder is for forms; keep a literal '+' a '+' as in any URI path.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(400, "Bad Request", "The path has a malformed percent-encoding");
        }
    }
}
