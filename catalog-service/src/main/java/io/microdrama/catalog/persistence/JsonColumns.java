package io.microdrama.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** JSON text columns for the parts of an aggregate that are always read and written with it. */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonColumns() {
    }

    private abstract static class ListColumn<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        ListColumn(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> value) {
            try {
                return JSON.writeValueAsString(value == null ? List.of() : value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String column) {
            try {
                return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Converter
    public static final class Strings extends ListColumn<String> {
        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static final class Episodes extends ListColumn<Episode> {
        public Episodes() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static final class Licences extends ListColumn<Licence> {
        public Licences() {
            super(new TypeReference<>() {
            });
        }
    }
}
