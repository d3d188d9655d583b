package io.microdrama.localization.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

import java.util.List;

/**
 * Language tags never contain spaces, so a space-separated column is enough and stays greppable in SQL. The lists are
 * immutable and replaced, never changed in place ({@code @Immutable}, as in {@link JsonColumns}).
 */
@Converter
@Immutable
public class StringListColumn implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null ? "" : String.join(" ", values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.trim().split(" "));
    }
}
