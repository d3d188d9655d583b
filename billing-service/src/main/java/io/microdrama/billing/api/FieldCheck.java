package io.microdrama.billing.api;

import io.microdrama.support.input.StorableTime;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request before answering, so the caller gets one 422 listing all fields. Numbers
 * arrive as {@link BigDecimal} so that 1.5 coins is reported instead of silently truncated.
 */
final class FieldCheck {

    private final List<FieldError> errors = new ArrayList<>();

    void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A number given as text (e.g. a query parameter); null when it is not one (reported) or missing. */
    BigDecimal number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            fail(field, "must be a number");
            return null;
        }
    }

    /** A required whole number in [min, max]; null when missing or invalid (already reported). */
    Long wholeNumber(String field, BigDecimal value, long min, long max) {
        if (value == null) {
            if (errors.stream().noneMatch(error -> error.field().equals(field))) {
                fail(field, "is required");
            }
            return null;
        }
        return optionalWholeNumber(field, value, min, max).orElse(null);
    }

    Optional<Long> optionalWholeNumber(String field, BigDecimal value, long min, long max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 0) {
            fail(field, "must be a whole number");
            return Optional.empty();
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            fail(field, "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    /** A required decimal with min < value (or min ≤ value when {@code minInclusive}) and value < max. */
    BigDecimal decimal(String field, BigDecimal value, BigDecimal min, boolean minInclusive, BigDecimal max, int maxDecimals) {
        if (value == null) {
            fail(field, "is required");
            return null;
        }
        return optionalDecimal(field, value, min, minInclusive, max, maxDecimals).orElse(null);
    }

    Optional<BigDecimal> optionalDecimal(String field, BigDecimal value, BigDecimal min, boolean minInclusive,
            BigDecimal max, int maxDecimals) {
        if (value == null) {
            return Optional.empty();
        }
        int lowerCheck = value.compareTo(min);
        if (lowerCheck < 0 || (lowerCheck == 0 && !minInclusive) || value.compareTo(max) >= 0) {
            fail(field, "must be " + (minInclusive ? "at least " : "more than ") + min.toPlainString()
                    + " and less than " + max.toPlainString());
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            fail(field, "must have at most " + maxDecimals + " decimals");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Required, not blank, at most {@code maxLength} characters; returned stripped. */
    String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return optionalText(field, value, maxLength).orElse(null);
    }

    Optional<String> optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    String matching(String field, String value, Pattern pattern, String description) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            fail(field, "must be " + description);
            return null;
        }
        return value;
    }

    Boolean bool(String field, Boolean value) {
        if (value == null) {
            fail(field, "is required (true or false)");
        }
        return value;
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            // The platform's one range of storable dates (web-support's StorableTime), as for dates in JSON bodies.
            Optional<String> outOfRange = StorableTime.problem(date);
            if (outOfRange.isPresent()) {
                fail(field, outOfRange.get());
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO date (yyyy-mm-dd)");
            return null;
        }
    }

    /** Throws the 422 answer if anything was reported; nothing has been changed at this point. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
