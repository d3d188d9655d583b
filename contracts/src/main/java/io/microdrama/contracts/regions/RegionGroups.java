package io.microdrama.contracts.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Region codes as the platform understands them: an ISO 3166-1 alpha-2 country, or a group (EU, LATAM, ...)
 * that expands to countries. Groups never travel in events; every service expands them the same way.
 */
public final class RegionGroups {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /** Never two letters other than EU, so a group cannot shadow a country code. */
    private static final Pattern GROUP_CODE = Pattern.compile("EU|[A-Z]{3,}");
    private static final Map<String, List<String>> GROUPS = load();

    private RegionGroups() {
    }

    public static boolean isGroup(String code) {
        return GROUPS.containsKey(code);
    }

    public static boolean isCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code);
    }

    /** True for an ISO country or a known group. */
    public static boolean isKnown(String code) {
        return isCountry(code) || isGroup(code);
    }

    /** Countries of the given codes, in order, groups expanded; unknown codes are dropped. */
    public static Set<String> expand(Collection<String> codes) {
        Set<String> countries = new LinkedHashSet<>();
        for (String code : codes) {
            if (isGroup(code)) {
                countries.addAll(GROUPS.get(code));
            } else if (isCountry(code)) {
                countries.add(code);
            }
        }
        return countries;
    }

    public static Map<String, List<String>> groups() {
        return GROUPS;
    }

    /** Countries of one group; empty for anything that is not a group. */
    public static List<String> members(String group) {
        return GROUPS.getOrDefault(group, List.of());
    }

    /** Groups a country belongs to, in file order. */
    public static List<String> groupsOf(String country) {
        return GROUPS.entrySet().stream().filter(group -> group.getValue().contains(country)).map(Map.Entry::getKey).toList();
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (InputStream in = RegionGroups.class.getResourceAsStream("region-groups.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("group,"))
                    .forEach(line -> {
                        String[] columns = line.split(",", 2);
                        groups.put(columns[0].trim(), List.of(columns[1].trim().split("\\s+")));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        groups.keySet().stream().filter(code -> !GROUP_CODE.matcher(code).matches()).findAny().ifPresent(code -> {
            throw new IllegalStateException("region-groups.csv: a group code must be EU or 3+ capital letters: " + code);
        });
        groups.values().stream().flatMap(List::stream).filter(c -> !ISO_COUNTRIES.contains(c)).findAny()
                .ifPresent(c -> {
                    throw new IllegalStateException("region-groups.csv names an unknown country: " + c);
                });
        return Collections.unmodifiableMap(groups);
    }

}
