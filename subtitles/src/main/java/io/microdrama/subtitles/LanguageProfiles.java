package io.microdrama.subtitles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-language QC profiles, read from {@code reference/subtitle-profiles.csv} on the classpath, and the
 * mapping from a track's language tag to a profile:
 * exact tag, then Chinese script/region (zh-TW, zh-HK, zh-MO and zh-Hant-* use zh-Hant, other zh use zh-Hans),
 * then deprecated codes (iw, in, tl), then the primary language subtag (pt-BR uses pt), else the "und" profile.
 */
public final class LanguageProfiles {

    public static final String RESOURCE = "/reference/subtitle-profiles.csv";
    /** BCP 47 "undetermined": the row used for languages without their own profile. */
    public static final String DEFAULT_LANGUAGE = "und";

    static final List<String> COLUMNS = List.of("lang", "script", "direction", "max_chars_per_line", "count_rule",
            "cps_adult", "cps_children", "max_lines", "italics_allowed", "vertical_max_chars", "min_duration_ms",
            "max_duration_ms", "min_gap_frames", "notes");

    private static final Map<String, String> DEPRECATED_CODES = Map.of("iw", "he", "in", "id", "tl", "fil");

    private final Map<String, LanguageProfile> byTag;

    private LanguageProfiles(Map<String, LanguageProfile> byTag) {
        if (!byTag.containsKey(DEFAULT_LANGUAGE)) {
            throw new IllegalStateException("subtitle profiles need a '" + DEFAULT_LANGUAGE + "' default row");
        }
        this.byTag = byTag;
    }

    /** The shipped profiles (read once). */
    public static LanguageProfiles loadDefault() {
        return Shipped.PROFILES;
    }

    /** Reads profiles from CSV text in the shipped format; '#' lines are comments. */
    public static LanguageProfiles parse(Reader csv) {
        Map<String, LanguageProfile> byTag = new LinkedHashMap<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split(",", COLUMNS.size()));
                if (!headerSeen) {
                    if (!cells.stream().map(String::strip).toList().equals(COLUMNS)) {
                        throw new IllegalStateException("subtitle profiles line " + lineNumber
                                + ": expected header " + String.join(",", COLUMNS));
                    }
                    headerSeen = true;
                    continue;
                }
                LanguageProfile profile = row(cells, lineNumber);
                if (byTag.put(key(profile.language()), profile) != null) {
                    throw new IllegalStateException("subtitle profiles line " + lineNumber + ": duplicate language "
                            + profile.language());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LanguageProfiles(byTag);
    }

    public Collection<LanguageProfile> all() {
        return byTag.values();
    }

    public LanguageProfile defaultProfile() {
        return byTag.get(DEFAULT_LANGUAGE);
    }

    /** The profile for a BCP 47 tag such as "pt-BR" or "zh-Hant-TW"; empty when only the default would fit. */
    public Optional<LanguageProfile> find(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Optional.empty();
        }
        String tag = key(languageTag.strip().replace('_', '-'));
        List<String> subtags = List.of(tag.split("-"));
        String primary = DEPRECATED_CODES.getOrDefault(subtags.get(0), subtags.get(0));
        List<String> candidates = new ArrayList<>();
        candidates.add(tag);
        if (primary.equals("zh")) {
            boolean traditional = subtags.contains("hant")
                    || (!subtags.contains("hans") && (subtags.contains("tw") || subtags.contains("hk")
                    || subtags.contains("mo")));
            candidates.add(traditional ? "zh-hant" : "zh-hans");
        }
        candidates.add(primary);
        for (String candidate : candidates) {
            LanguageProfile profile = byTag.get(candidate);
            if (profile != null && !candidate.equals(DEFAULT_LANGUAGE)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    /** Never null: falls back to the default profile. */
    public LanguageProfile resolve(String languageTag) {
        return find(languageTag).orElse(defaultProfile());
    }

    private static LanguageProfile row(List<String> cells, int lineNumber) {
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalStateException("subtitle profiles line " + lineNumber + ": expected " + COLUMNS.size()
                    + " columns, found " + cells.size());
        }
        try {
            String direction = cells.get(2).strip();
            if (!direction.equals("ltr") && !direction.equals("rtl")) {
                throw new IllegalArgumentException("direction must be ltr or rtl");
            }
            LanguageProfile p = new LanguageProfile(cells.get(0).strip(), cells.get(1).strip(),
                    direction.equals("rtl"), positiveInt(cells.get(3)), CountRule.fromCsv(cells.get(4)),
                    positiveDouble(cells.get(5)), positiveDouble(cells.get(6)), positiveInt(cells.get(7)),
                    bool(cells.get(8)), positiveInt(cells.get(9)), positiveInt(cells.get(10)),
                    positiveInt(cells.get(11)), positiveInt(cells.get(12)));
            if (p.language().isEmpty() || p.minDurationMs() >= p.maxDurationMs()
                    || p.verticalMaxChars() > p.maxCharsPerLine()) {
                throw new IllegalArgumentException(
                        "need a language, min < max duration, vertical limit <= horizontal limit");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("subtitle profiles line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static int positiveInt(String cell) {
        int value = Integer.parseInt(cell.strip());
        if (value <= 0) {
            throw new IllegalArgumentException("expected a positive number, found " + cell);
        }
        return value;
    }

    private static double positiveDouble(String cell) {
        double value = Double.parseDouble(cell.strip());
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("expected a positive number, found " + cell);
        }
        return value;
    }

    private static boolean bool(String cell) {
        return switch (cell.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, found " + cell);
        };
    }

    private static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** Lazy holder: the CSV is read on first use and then shared (the data is immutable). */
    private static final class Shipped {
        static final LanguageProfiles PROFILES = load();

        private static LanguageProfiles load() {
            InputStream in = LanguageProfiles.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
