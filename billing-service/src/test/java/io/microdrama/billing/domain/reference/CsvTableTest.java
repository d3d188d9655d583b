package io.microdrama.billing.domain.reference;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void skipsCommentsAndBlankLinesAndReadsQuotedFields() {
        CsvTable table = CsvTable.parse("t.csv", new StringReader("""
                \uFEFF# source: somewhere, with a comma
                a,b,c

                # another comment
                1,"x, y","say ""hi""\"
                2,,
                """), "a", "b");

        assertThat(table.rows()).hasSize(2);
        CsvRow first = table.rows().get(0);
        assertThat(first.integer("a")).isEqualTo(1);
        assertThat(first.text("b")).isEqualTo("x, y");
        assertThat(first.text("c")).isEqualTo("say \"hi\"");
        assertThat(first.lineNumber()).isEqualTo(5);
        assertThat(table.rows().get(1).optionalText("b")).isEmpty();
    }

    @Test
    void errorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> CsvTable.parse("t.csv", new StringReader("a,b\n1\n"), "a"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("t.csv line 2");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", new StringReader("a,b\n1,2\n"), "missing"))
                .hasMessageContaining("missing column missing");
        CsvRow row = CsvTable.parse("t.csv", new StringReader("a,b\nyes,2025-13-01\n")).rows().get(0);
        assertThatThrownBy(() -> row.bool("a")).hasMessageContaining("t.csv line 2, column a");
        assertThatThrownBy(() -> row.date("b")).hasMessageContaining("column b");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", new StringReader("a\n\"open\n"))).hasMessageContaining("quote");
    }
}
