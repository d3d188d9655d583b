package io.microdrama.gateway.upstream;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a service answered: status, headers (names lower-cased) and the whole body. */
public record UpstreamAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean isProblem() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }
}
