package io.microdrama.support.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The one range of instants and dates the platform accepts: years 0001 to 9999 (UTC). PostgreSQL's own range is wider
 * (4713 BC to 294276 AD for timestamptz), but values outside four-digit years are not written and read back faithfully
 * on the way there (the driver's text form, year 0 and BC dates, {@code infinity}), and ISO-8601 text, JavaScript
 * clients and the contracts' JSON all agree on four-digit years. Nothing a studio, an ops person or an admin means
 * lies outside it.
 */
public final class StorableTime {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    static final String RULE = "must be between 0001-01-01 and 9999-12-31 (UTC)";

    private StorableTime() {
    }

    /** Why the value (an Instant, a date or date-time of java.time) is refused, or empty when it can be stored. */
    public static Optional<String> problem(Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
            return d.isBefore(EARLIEST_DATE) || d.isAfter(LATEST_DATE) ? Optional.of(RULE) : Optional.empty();
        } else {
            return Optional.empty();
        }
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.of(RULE) : Optional.empty();
    }

    /** True for the java.time types the rule applies to. */
    static boolean applies(Class<?> type) {
        return type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDateTime.class || type == LocalDate.class;
    }
}
