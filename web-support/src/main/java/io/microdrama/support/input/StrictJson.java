package io.microdrama.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The JSON rules of every service and the gateway, in one place (Quarkus applies every {@link ObjectMapperCustomizer}
 * bean to the one ObjectMapper that Quarkus REST, the messaging decoders and our code use). The table of rules is in
 * web-support's README.
 * <ul>
 *   <li>a key twice in one object is refused (the last one would silently win);</li>
 *   <li>no scalar coercion: a string field takes only a JSON string, a number or boolean field only a JSON number or
 *       boolean, and {@code ""} is not a null, false or 0;</li>
 *   <li>strings (values and object keys) with NUL or a lone surrogate are refused ({@link TextRules});</li>
 *   <li>instants and dates outside {@link StorableTime} are refused with 422 naming the field.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        SimpleModule module = new SimpleModule("microdrama-strict-json");
        module.addDeserializer(String.class, new StrictStringDeserializer());
        module.addKeyDeserializer(String.class, new StrictKeyDeserializer());
        module.setDeserializerModifier(new StorableTimeModifier());
        mapper.registerModule(module);
    }

    /** Only a JSON string (or null) is a string; its text must pass {@link TextRules}. */
    static final class StrictStringDeserializer extends StdDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValueException(parser, 400, "must be a JSON string");
            }
            String text = parser.getText();
            var problem = TextRules.problem(text);
            if (problem.isPresent()) {
                throw new RefusedValueException(parser, 400, problem.get());
            }
            return text;
        }
    }

    static final class StrictKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            var problem = TextRules.problem(key);
            if (problem.isPresent()) {
                throw new RefusedValueException(context.getParser(), 400, "has a key that " + problem.get());
            }
            return key;
        }
    }

    /** Wraps the java.time deserializers so that every instant and date passes {@link StorableTime}. */
    static final class StorableTimeModifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return StorableTime.applies(description.getBeanClass()) ? new StorableTimeDeserializer(deserializer)
                    : deserializer;
        }
    }

    static final class StorableTimeDeserializer extends DelegatingDeserializer {

        StorableTimeDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new StorableTimeDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            var problem = StorableTime.problem(value);
            if (problem.isPresent()) {
                throw new RefusedValueException(parser, 422, problem.get());
            }
            return value;
        }
    }
}
