package io.microdrama.localization.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which subtitle languages a country's storefront needs. The drama's original language is served by its audio,
 * so it never needs a subtitle; a language counts as served when its primary subtag matches (es serves es-419).
 * A country missing from the policy falls back to English, the platform's lingua franca.
 */
public final class LanguagePolicy {

    static final List<String> FALLBACK = List.of("en");

    private final Map<String, List<String>> languagesByRegion;

    public LanguagePolicy(Map<String, List<String>> languagesByRegion) {
        this.languagesByRegion = Map.copyOf(languagesByRegion);
    }

    public static LanguagePolicy shipped() {
        try (InputStream in = LanguagePolicy.class.getResourceAsStream("/reference/region-languages.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, List<String>> policy = new LinkedHashMap<>();
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("region,"))
                    .forEach(line -> {
                        String[] columns = line.split(",", 2);
                        policy.put(columns[0].trim(), List.of(columns[1].trim().split("\\s+")));
                    });
            return new LanguagePolicy(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> requiredLanguages(String region, String originalLanguage) {
        String original = primary(originalLanguage);
        return languagesByRegion.getOrDefault(region, FALLBACK).stream()
                .filter(language -> !primary(language).equals(original))
                .toList();
    }

    public Map<String, List<String>> asMap() {
        return languagesByRegion;
    }

    private static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
