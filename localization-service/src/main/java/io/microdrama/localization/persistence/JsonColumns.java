package io.microdrama.localization.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.localization.domain.EpisodeSpan;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.SubtitleDocument;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

import java.util.List;

/**
 * JSON text columns for values that are always read and written whole. The values are immutable records and
 * lists that are replaced, never changed in place ({@code @Immutable}: Hibernate compares references instead of
 * copying every document on load). Unknown properties are ignored on read, so rows written before a record gained
 * or lost a component still load.
 */
public final class JsonColumns {

    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonColumns() {
    }

    private abstract static class JsonColumn<T> implements AttributeConverter<T, String> {
        private final TypeReference<T> type;

        JsonColumn(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            try {
                return value == null ? null : JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public T convertToEntityAttribute(String column) {
            try {
                return column == null ? null : JSON.readValue(column, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Converter
    @Immutable
    public static final class Episodes extends JsonColumn<List<EpisodeSpan>> {
        public Episodes() {
            super(new TypeReference<>() {
            });
        }
    }

    /** A parsed subtitle document: cues (times, text in the source format's markup, settings) and header blocks. */
    @Converter
    @Immutable
    public static final class Document extends JsonColumn<SubtitleDocument> {
        public Document() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    @Immutable
    public static final class Report extends JsonColumn<QcReport> {
        public Report() {
            super(new TypeReference<>() {
            });
        }
    }
}
