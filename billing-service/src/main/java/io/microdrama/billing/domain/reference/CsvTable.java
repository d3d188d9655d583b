package io.microdrama.billing.domain.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CSV reader for our reference files: a header line, then rows; lines starting with {@code #} are
 * comments (sources, caveats) and blank lines are skipped. Fields may be double-quoted to contain commas;
 * {@code ""} inside quotes is a literal quote. Written by hand because the domain stays dependency-free.
 */
public final class CsvTable {

    private final String name;
    private final Map<String, Integer> columns;
    private final List<CsvRow> rows;

    private CsvTable(String name, Map<String, Integer> columns, List<CsvRow> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @param name            file name, used in error messages
     * @param requiredColumns columns that must be present in the header (others are allowed and ignored)
     */
    public static CsvTable parse(String name, Reader reader, String... requiredColumns) {
        try (BufferedReader lines = new BufferedReader(reader)) {
            Map<String, Integer> columns = null;
            List<CsvRow> rows = new ArrayList<>();
            String line;
            int lineNumber = 0;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = splitLine(name, lineNumber, line);
                if (columns == null) {
                    columns = indexHeader(name, lineNumber, fields, requiredColumns);
                } else {
                    if (fields.size() != columns.size()) {
                        throw new ReferenceDataException(name + " line " + lineNumber + ": expected "
                                + columns.size() + " fields, found " + fields.size());
                    }
                    rows.add(new CsvRow(name, lineNumber, columns, fields));
                }
            }
            if (columns == null) {
                throw new ReferenceDataException(name + ": no header line");
            }
            return new CsvTable(name, columns, List.copyOf(rows));
        } catch (IOException e) {
            throw new ReferenceDataException(name + ": cannot read", e);
        }
    }

    public String name() {
        return name;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    private static Map<String, Integer> indexHeader(String name, int lineNumber, List<String> header,
                                                    String[] requiredColumns) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (columns.put(header.get(i).trim(), i) != null) {
                throw new ReferenceDataException(name + " line " + lineNumber + ": duplicate column " + header.get(i));
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                throw new ReferenceDataException(name + " line " + lineNumber + ": missing column " + required);
            }
        }
        return Map.copyOf(columns);
    }

    private static List<String> splitLine(String name, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ReferenceDataException(name + " line " + lineNumber + ": unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
