package io.microdrama.billing.domain.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One data line of a {@link CsvTable}, with typed accessors whose errors name the file, line and column. */
public final class CsvRow {

    private final String file;
    private final int lineNumber;
    private final Map<String, Integer> columns;
    private final List<String> fields;

    CsvRow(String file, int lineNumber, Map<String, Integer> columns, List<String> fields) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.columns = columns;
        this.fields = List.copyOf(fields);
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** The trimmed value; fails if the column is empty. */
    public String text(String column) {
        return optionalText(column).orElseThrow(() -> error(column, "must not be empty"));
    }

    public Optional<String> optionalText(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw error(column, "no such column");
        }
        String value = fields.get(index).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public BigDecimal decimal(String column) {
        return optionalDecimal(column).orElseThrow(() -> error(column, "must not be empty"));
    }

    public Optional<BigDecimal> optionalDecimal(String column) {
        return optionalText(column).map(value -> {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw error(column, "not a decimal number: " + value);
            }
        });
    }

    public int integer(String column) {
        return optionalInteger(column).orElseThrow(() -> error(column, "must not be empty"));
    }

    public Optional<Integer> optionalInteger(String column) {
        return optionalText(column).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw error(column, "not a whole number: " + value);
            }
        });
    }

    /** Accepts exactly "true" or "false" (a typo must not silently become false). */
    public boolean bool(String column) {
        String value = text(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(column, "must be true or false: " + value);
        };
    }

    public LocalDate date(String column) {
        String value = text(column);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error(column, "not an ISO date (yyyy-mm-dd): " + value);
        }
    }

    /** An error about this row, for checks done by the caller. */
    public ReferenceDataException error(String column, String problem) {
        return new ReferenceDataException(file + " line " + lineNumber + ", column " + column + ": " + problem);
    }
}
