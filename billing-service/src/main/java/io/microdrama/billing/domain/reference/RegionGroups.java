package io.microdrama.billing.domain.reference;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Named sets of countries (EU, LATAM, MENA, APAC, NORAM …) used for ops scopes such as {@code regions=[EU, GB]}.
 *
 * <p>Group codes never look like a country code: either "EU" (exceptionally reserved in ISO 3166 for the
 * European Union, never a country) or three or more letters. That is why North America is "NORAM": "NA" is
 * Namibia. A country may belong to several groups (Türkiye is in EUROPE and MENA).
 */
public final class RegionGroups {

    public static final String EU = "EU";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern GROUP = Pattern.compile("EU|[A-Z][A-Z_]{2,}");

    private final Map<String, Set<String>> members;

    public RegionGroups(Map<String, Set<String>> members) {
        Map<String, Set<String>> copy = new TreeMap<>();
        members.forEach((group, countries) -> {
            if (!GROUP.matcher(group).matches()) {
                throw new IllegalArgumentException("group code must be EU or 3+ capital letters: " + group);
            }
            for (String country : countries) {
                if (!COUNTRY.matcher(country).matches()) {
                    throw new IllegalArgumentException(group + ": not an ISO 3166 alpha-2 code: " + country);
                }
            }
            copy.put(group, Set.copyOf(new TreeSet<>(countries)));
        });
        this.members = Map.copyOf(copy);
    }

    public Set<String> groupCodes() {
        return new TreeSet<>(members.keySet());
    }

    public boolean isGroup(String code) {
        return members.containsKey(code);
    }

    /** Member countries of the group; empty for an unknown group. */
    public Set<String> members(String group) {
        return members.getOrDefault(group, Set.of());
    }

    public boolean contains(String group, String country) {
        return members(group).contains(country);
    }

    public Set<String> groupsOf(String country) {
        Set<String> groups = new TreeSet<>();
        members.forEach((group, countries) -> {
            if (countries.contains(country)) {
                groups.add(group);
            }
        });
        return groups;
    }

    /** Expands a scope that mixes country codes and group codes into the set of countries it covers. */
    public Set<String> expand(Collection<String> countriesOrGroups) {
        Set<String> countries = new LinkedHashSet<>();
        for (String code : countriesOrGroups) {
            if (isGroup(code)) {
                countries.addAll(members(code));
            } else {
                countries.add(code);
            }
        }
        return countries;
    }
}
