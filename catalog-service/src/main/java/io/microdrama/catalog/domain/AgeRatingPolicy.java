package io.microdrama.catalog.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which rating system a country uses and whether a drama needs a rating there before it can go LIVE. Shipped as
 * reference data ({@code reference/age-rating-policy.csv}, with its sources); countries not listed accept any
 * system and require none.
 */
public final class AgeRatingPolicy {

    private record Rule(String system, boolean required) {
    }

    private final Map<String, Rule> rules;

    private AgeRatingPolicy(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static AgeRatingPolicy loadDefault() {
        try (InputStream in = AgeRatingPolicy.class.getResourceAsStream("/reference/age-rating-policy.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/age-rating-policy.csv is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AgeRatingPolicy parse(BufferedReader reader) throws IOException {
        Map<String, Rule> rules = new HashMap<>();
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new IllegalStateException("age-rating-policy.csv: expected region,system,required in: " + line);
            }
            rules.put(cells[0].strip(), new Rule(cells[1].strip(), Boolean.parseBoolean(cells[2].strip())));
        }
        return new AgeRatingPolicy(rules);
    }

    public boolean requiresRating(String region) {
        Rule rule = rules.get(region);
        return rule != null && rule.required();
    }

    /** The rating system studios must use in the region, when the region has one on file. */
    public Optional<String> systemOf(String region) {
        return Optional.ofNullable(rules.get(region)).map(Rule::system);
    }
}
