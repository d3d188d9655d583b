package io.microdrama.billing.domain.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference CSV files come from: the copies shipped in the jar, a directory (e.g. files an admin
 * exported), or anything else that can open a file by name (e.g. rows kept in the service's database).
 */
@FunctionalInterface
public interface ReferenceSource {

    /** Opens {@code fileName} (e.g. "storefronts.csv") as UTF-8 text. */
    Reader open(String fileName) throws IOException;

    /** The files shipped under {@code src/main/resources/reference/}. */
    static ReferenceSource classpath() {
        return fileName -> {
            InputStream in = ReferenceSource.class.getResourceAsStream("/reference/" + fileName);
            if (in == null) {
                throw new IOException("reference file not on the classpath: /reference/" + fileName);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        };
    }

    static ReferenceSource directory(Path directory) {
        return fileName -> Files.newBufferedReader(directory.resolve(fileName), StandardCharsets.UTF_8);
    }

    /** Reads one whole table, turning I/O problems into {@link ReferenceDataException}. */
    default CsvTable table(String fileName, String... requiredColumns) {
        try {
            return CsvTable.parse(fileName, open(fileName), requiredColumns);
        } catch (IOException e) {
            throw new ReferenceDataException(fileName + ": cannot open", e);
        }
    }
}
