package io.microdrama.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.ContentFingerprint;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.LocalizedText;
import io.microdrama.catalog.domain.Licence;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text columns for the parts of an aggregate that are always read and written with it. The values are immutable
 * lists and maps that are replaced, never changed in place ({@code @Immutable} on each converter): otherwise Hibernate
 * takes its dirty-checking snapshot of every such value by a JSON round trip at every load: 2.2 % of the service's CPU
 * samples in a profile at 50 publications a second.
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Rows written by an older version may carry fields this one no longer has.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper CANONICAL = JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The fingerprint stored in {@code drama.published_fingerprint}: SHA-256 of the content's canonical JSON. */
    public static final ContentFingerprint FINGERPRINT = JsonColumns::fingerprint;

    private JsonColumns() {
    }

    /** SHA-256 of the canonical JSON of a value: equal content, equal fingerprint, on any JVM. */
    public static String fingerprint(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(value));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
    @Immutable
    public static final class Strings extends ListColumn<String> {
        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    @Immutable
    public static final class Episodes extends ListColumn<Episode> {
        public Episodes() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    @Immutable
    public static final class AgeRatings extends ListColumn<AgeRating> {
        public AgeRatings() {
            super(new TypeReference<>() {
            });
        }
    }

    /** Localized titles and synopses keyed by BCP-47 tag, kept in key order so equal content compares equal. */
    @Converter
    @Immutable
    public static final class Localizations implements AttributeConverter<Map<String, LocalizedText>, String> {
        private static final TypeReference<TreeMap<String, LocalizedText>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(Map<String, LocalizedText> value) {
            try {
                return JSON.writeValueAsString(value == null ? Map.of() : new TreeMap<>(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, LocalizedText> convertToEntityAttribute(String column) {
            try {
                return column == null || column.isBlank() ? Map.of() : Collections.unmodifiableMap(JSON.readValue(column, TYPE));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Converter
    @Immutable
    public static final class Licences extends ListColumn<Licence> {
        public Licences() {
            super(new TypeReference<>() {
            });
        }
    }
}
