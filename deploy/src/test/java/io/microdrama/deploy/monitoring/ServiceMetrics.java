package io.microdrama.deploy.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the services expose (test resource service-metrics.txt, with how each was found) and the metric
 * names a PromQL expression uses.
 */
public final class ServiceMetrics {

    /** One line of the list. */
    public record Metric(String prometheusName, String type, String meterName, String source) {

        public boolean fromOurCode() {
            return source.startsWith("code:");
        }

        /** The repository file that registers the meter (for code: entries). */
        public String codePath() {
            return source.substring("code:".length());
        }

        /** The Prometheus names Micrometer derives from the meter name and type. */
        public List<String> derivedNames() {
            String base = meterName.replace('.', '_').replace('-', '_');
            return switch (type) {
                case "counter" -> List.of(base.endsWith("_total") ? base : base + "_total");
                case "gauge" -> List.of(base);
                case "timer" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
                default -> List.of();
            };
        }
    }

    private static final String RESOURCE = "service-metrics.txt";
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private final Map<String, Metric> byName;

    private ServiceMetrics(Map<String, Metric> byName) {
        this.byName = byName;
    }

    public static ServiceMetrics load() {
        try (InputStream in = ServiceMetrics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceMetrics parse(String text) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] fields = stripped.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException(RESOURCE + ": expected 4 fields in '" + line + "'");
            }
            metrics.put(fields[0], new Metric(fields[0], fields[1], fields[2], fields[3]));
        }
        return new ServiceMetrics(metrics);
    }

    public List<Metric> all() {
        return new ArrayList<>(byName.values());
    }

    public boolean contains(String prometheusName) {
        return byName.containsKey(prometheusName);
    }

    /** The metric names in a PromQL expression (not functions, labels, keywords, durations or strings). */
    public static Set<String> metricNames(String promql) {
        String rest = QUOTED.matcher(promql).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String name = m.group();
            boolean function = rest.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
