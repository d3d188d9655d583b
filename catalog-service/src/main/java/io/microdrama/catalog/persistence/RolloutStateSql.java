package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.RolloutState;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rollout states and blockers of {@link io.microdrama.catalog.domain.RegionalRollout} as SQL predicates over
 * {@code regional_rollout r}, for filtering in the database. They must say exactly what {@code stateAt} and
 * {@code blockers} say; {@code RolloutStateSqlIT} checks them against each other on generated rows.
 * <p>
 * The one SQL home of the LIVE rule: the board's LIVE filter, the storefront query ({@link StorefrontQueries}) and
 * the storefront's partial index ({@value #STOREFRONT_INDEX}, whose WHERE clause is {@link #LIVE_AT_ANY_TIME}; a
 * test reads the migrations and the database's index and holds them to it) all follow from {@link #live}.
 * The clock is the bind parameter {@code :now} unless the caller names another.
 */
public final class RolloutStateSql {

    /** The partial index that serves the storefront: its predicate is {@link #LIVE_AT_ANY_TIME}. */
    public static final String STOREFRONT_INDEX = "regional_rollout_storefront";
    static final String NO_BLOCKERS = "r.localization_version >= r.drama_version and r.localization_ready"
            + " and r.price_minor is not null and r.pricing_version >= r.drama_version"
            + " and (r.age_rating is not null or not r.age_rating_required)";
    /**
     * Every condition of LIVE that does not depend on the clock. The storefront index holds exactly these rows, so a
     * storefront page is an ordered walk of the index with only the licence window checked on the fly.
     */
    public static final String LIVE_AT_ANY_TIME = "not r.withdrawn and not r.on_hold and " + NO_BLOCKERS;
    private static final String NOW = ":now";
    static final String OPEN = open(NOW);
    private static final String ACTIVE = "not r.withdrawn and " + OPEN + " and not r.on_hold";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9-]{2,35}");

    private RolloutStateSql() {
    }

    /** The licence window is open at {@code now} (an SQL expression or bind parameter). */
    static String open(String now) {
        return "r.valid_from <= " + now + " and (r.valid_until is null or r.valid_until > " + now + ")";
    }

    /** LIVE at {@code now} (an SQL expression or bind parameter, e.g. {@code :now} or {@code $2}). */
    public static String live(String now) {
        return LIVE_AT_ANY_TIME + " and " + open(now);
    }

    public static String state(RolloutState state) {
        return switch (state) {
            case WITHDRAWN -> "r.withdrawn";
            case SCHEDULED -> "not r.withdrawn and r.valid_from > :now";
            case EXPIRED -> "not r.withdrawn and r.valid_from <= :now and r.valid_until is not null and r.valid_until <= :now";
            case ON_HOLD -> "not r.withdrawn and " + OPEN + " and r.on_hold";
            case LIVE -> live(NOW);
            case WAITING -> ACTIVE + " and not (" + NO_BLOCKERS + ")";
            case NOT_LICENSED -> throw new IllegalArgumentException("NOT_LICENSED has no rollout row");
        };
    }

    /**
     * A blocker as reported by {@code blockers()}: LOCALIZATION_PENDING, LOCALIZATION_NOT_READY, NO_PRICE,
     * AGE_RATING_MISSING, MISSING_LANGUAGE (any language) or MISSING_LANGUAGE:{tag}. Only WAITING rows show blockers.
     */
    public static String blocker(String blocker) {
        String pending = "r.localization_version < r.drama_version";
        String answered = "r.localization_version >= r.drama_version and not r.localization_ready";
        String noneMissing = "(r.missing_languages = '' or r.missing_languages = '[]')";
        String condition;
        String upper = blocker.toUpperCase(Locale.ROOT);
        if (upper.equals("LOCALIZATION_PENDING")) {
            condition = pending;
        } else if (upper.equals("LOCALIZATION_NOT_READY")) {
            condition = answered + " and " + noneMissing;
        } else if (upper.equals("MISSING_LANGUAGE")) {
            condition = answered + " and not " + noneMissing;
        } else if (upper.startsWith("MISSING_LANGUAGE:") && LANGUAGE.matcher(blocker.substring(17)).matches()) {
            // missing_languages is a JSON array of tags; tags are validated above, so the literal is safe.
            condition = answered + " and r.missing_languages like '%\"" + blocker.substring(17) + "\"%'";
        } else if (upper.equals("NO_PRICE")) {
            condition = "(r.pricing_version < r.drama_version or r.price_minor is null)";
        } else if (upper.equals("AGE_RATING_MISSING")) {
            condition = "r.age_rating_required and r.age_rating is null";
        } else {
            throw new IllegalArgumentException("Unknown blocker " + blocker);
        }
        return state(RolloutState.WAITING) + " and " + condition;
    }
}
