package io.knag.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON in is read strictly: unknown fields, duplicate keys, trailing garbage, a number or boolean where a
 * string belongs, and a fraction, string or boolean where a whole number belongs ({@code 1.5}, {@code 5.0},
 * {@code "5"}: never truncated or parsed) are errors, so a mistyped request is refused instead of half-understood.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                            CoercionInputShape.Boolean, CoercionInputShape.Array, CoercionInputShape.Object);
                    refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                            CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
                    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                            CoercionInputShape.EmptyString);
                    refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.String,
                            CoercionInputShape.EmptyString);
                });
    }

    /** JSON of the given shapes is never coerced into a value of {@code type}: reading it fails. */
    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        var config = mapper.coercionConfigFor(type);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
