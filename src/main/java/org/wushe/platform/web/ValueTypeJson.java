package org.wushe.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.shared.PlainText;
import org.wushe.shared.RegionCode;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Value types travel in JSON as their plain text ({@code "310104"}): in the API, and in the event publication
 * registry, which must read every stored event back to republish it after a restart. Every JSON string read is held
 * to {@link PlainText} (no NUL or other control character, no broken surrogate), so that such a value in any body
 * field is answered 400 naming the field ({@link ErrorHandling}) instead of failing in the database.
 */
@Configuration(proxyBeanMethods = false)
class ValueTypeJson {

    @Bean
    JacksonModule wusheValueTypes() {
        return new SimpleModule("wushe-value-types")
                .addSerializer(RegionCode.class, ToStringSerializer.instance)
                .addDeserializer(RegionCode.class, new ValueDeserializer<RegionCode>() {
                    @Override
                    public RegionCode deserialize(JsonParser parser, DeserializationContext context) {
                        return RegionCode.parse(parser.getValueAsString());
                    }
                })
                .addDeserializer(String.class, new PlainStrings());
    }

    /** The standard string deserializer (coercions included), then the {@link PlainText} check. */
    static final class PlainStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null) {
                PlainText.parse(value);
            }
            return value;
        }
    }
}
