package org.compromiso.platform;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our API and the catalog import take a value of the wrong type as an error, not as text: Jackson would read
 * {@code "title": 12345e400} as the title "12345e400" and {@code "continuing": 1} as true.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noCoercionOfScalars() {
        return builder -> builder.postConfigurer(mapper -> {
            var text = mapper.coercionConfigFor(LogicalType.Textual);
            text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            var flags = mapper.coercionConfigFor(LogicalType.Boolean);
            flags.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            flags.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        });
    }
}
