package io.microdrama.billing.domain.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The shipped reference files with some of them edited in memory, for tests of what the loader rejects. */
public final class TestSources {

    private final Map<String, UnaryOperator<String>> edits = new HashMap<>();

    public static TestSources shipped() {
        return new TestSources();
    }

    /** Applies {@code edit} to the text of {@code fileName}. */
    public TestSources edit(String fileName, UnaryOperator<String> edit) {
        edits.merge(fileName, edit, (first, second) -> text -> second.apply(first.apply(text)));
        return this;
    }

    /** Replaces the one line that starts with {@code prefix}. */
    public TestSources replaceLine(String fileName, String prefix, String newLine) {
        return edit(fileName, text -> {
            String[] lines = text.split("\n", -1);
            int hits = 0;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith(prefix)) {
                    lines[i] = newLine;
                    hits++;
                }
            }
            if (hits != 1) {
                throw new IllegalStateException(hits + " lines of " + fileName + " start with " + prefix);
            }
            return String.join("\n", lines);
        });
    }

    public ReferenceSource source() {
        ReferenceSource shipped = ReferenceSource.classpath();
        return fileName -> {
            UnaryOperator<String> edit = edits.get(fileName);
            if (edit == null) {
                return shipped.open(fileName);
            }
            return new StringReader(edit.apply(read(shipped.open(fileName))));
        };
    }

    private static String read(Reader reader) throws IOException {
        try (reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
