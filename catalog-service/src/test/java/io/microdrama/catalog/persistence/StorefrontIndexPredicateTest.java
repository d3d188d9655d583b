package io.microdrama.catalog.persistence;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront's partial index must hold exactly the rows that are LIVE at some time: its predicate, as the newest
 * Flyway migration that creates it says, is {@link RolloutStateSql#LIVE_AT_ANY_TIME}, conjunct for conjunct. A new
 * LIVE condition without a migration that recreates the index fails here (and the storefront would stop using it).
 * {@code RolloutStateSqlIT} checks the same on the database's own index definition and on generated rows.
 */
class StorefrontIndexPredicateTest {

    private static final Pattern CREATE_INDEX = Pattern.compile("create\\s+index\\s+" + RolloutStateSql.STOREFRONT_INDEX
            + "\\s+on\\s+regional_rollout\\s*\\([^)]*\\)\\s*where\\s+(.+?);", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void theNewestIndexDefinitionIsTheClockFreePartOfLive() throws Exception {
        String predicate = null;
        for (Path migration : migrations()) {
            Matcher matcher = CREATE_INDEX.matcher(withoutComments(Files.readString(migration)));
            while (matcher.find()) {
                predicate = matcher.group(1);
            }
        }
        assertThat(predicate).as("a migration creates " + RolloutStateSql.STOREFRONT_INDEX).isNotNull();
        assertThat(conjuncts(predicate)).isEqualTo(conjuncts(RolloutStateSql.LIVE_AT_ANY_TIME));
    }

    @Test
    void boardAndStorefrontSayLiveWithTheSameWords() {
        assertThat(RolloutStateSql.state(io.microdrama.catalog.domain.RolloutState.LIVE))
                .isEqualTo(RolloutStateSql.live(":now"));
        assertThat(StorefrontQueries.LIVE).isEqualTo("r.region = $1 and " + RolloutStateSql.live("$2"));
        assertThat(conjuncts(RolloutStateSql.live(":now"))).containsAll(conjuncts(RolloutStateSql.LIVE_AT_ANY_TIME));
    }

    @Test
    void conjunctsIgnoreCaseAliasesSpacingAndOrder() {
        assertThat(conjuncts("NOT withdrawn AND (a IS NOT NULL OR NOT b)\n  AND c >= d"))
                .isEqualTo(conjuncts("r.c >= r.d and not r.withdrawn and (r.a is not null or not r.b)"));
        assertThat(conjuncts("a and b")).isNotEqualTo(conjuncts("a and b and c"));
    }

    /** Migrations in Flyway's order (by version number). */
    private static List<Path> migrations() throws Exception {
        URL folder = StorefrontIndexPredicateTest.class.getClassLoader().getResource("db/migration");
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(file -> Integer.parseInt(
                            file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }

    /** The top-level AND terms, lower-cased, without the {@code r.} alias, outer parentheses or extra spaces. */
    static Set<String> conjuncts(String predicate) {
        String text = predicate.toLowerCase(Locale.ROOT).replaceAll("\\br\\.", "").replaceAll("\\s+", " ").strip();
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && text.startsWith(" and ", i)) {
                terms.add(text.substring(start, i));
                start = i + 5;
            }
        }
        terms.add(text.substring(start));
        Set<String> result = new TreeSet<>();
        for (String term : terms) {
            String t = term.strip();
            while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
                t = t.substring(1, t.length() - 1).strip();
            }
            result.add(t);
        }
        return result;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
