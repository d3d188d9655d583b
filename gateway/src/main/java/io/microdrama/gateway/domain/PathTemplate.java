package io.microdrama.gateway.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route's path as written in the OpenAPI document, e.g. {@code /api/v1/ops/regions/{region}/rollout} or
 * {@code .../subtitles/{language}.vtt}: literal segments, and parameters that fill one whole segment, optionally
 * followed by a literal suffix. Matching is segment by segment, so a parameter never spans a {@code /}.
 */
public final class PathTemplate {

    private record Segment(String literal, String parameter, String suffix) {
        Optional<String> match(String value) {
            if (literal != null) {
                return literal.equals(value) ? Optional.of(value) : Optional.empty();
            }
            if (!value.endsWith(suffix) || value.length() == suffix.length()) {
                return Optional.empty();
            }
            return Optional.of(value.substring(0, value.length() - suffix.length()));
        }
    }

    private final String text;
    private final List<Segment> segments;

    private PathTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathTemplate of(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with /: " + text);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.substring(1).split("/", -1)) {
            if (part.startsWith("{")) {
                int end = part.indexOf('}');
                if (end < 2) {
                    throw new IllegalArgumentException("Bad parameter in " + text);
                }
                segments.add(new Segment(null, part.substring(1, end), part.substring(end + 1)));
            } else if (part.isEmpty() || part.contains("{")) {
                throw new IllegalArgumentException("Bad segment '" + part + "' in " + text);
            } else {
                segments.add(new Segment(part, null, null));
            }
        }
        return new PathTemplate(text, List.copyOf(segments));
    }

    /** The parameters by name when the (already decoded) segments fit this template. */
    public Optional<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            Optional<String> value = segment.match(pathSegments.get(i));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (segment.parameter() != null) {
                parameters.put(segment.parameter(), value.get());
            }
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /** How many literal segments: the more, the more specific (used to prefer {@code /offers} over {@code /{x}}). */
    public int literalSegments() {
        return (int) segments.stream().filter(s -> s.literal() != null).count();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
